/** The largest backup an admin may restore: years of a desk's history as JSON, well below what would strain the server. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/**
 * What Next.js lets one server action request carry (it refuses anything larger before the
 * action runs, by default past 1 MB): the largest backup plus room for the multipart framing
 * and the form's other fields, so the restore form itself gets to say when a file is too big.
 */
export const MAX_ACTION_REQUEST_BYTES = MAX_BACKUP_BYTES + 1024 * 1024;
