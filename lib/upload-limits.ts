/** The largest backup an admin may restore: years of a desk's history as JSON, well below what would strain the server. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** A restore request: the backup plus room for the multipart framing and the form's other fields. */
export const MAX_RESTORE_REQUEST_BYTES = MAX_BACKUP_BYTES + 1024 * 1024;
