/**
 * Numbers that are not quantities: parts of names and codes ("GPT-3", "gpt-oss-120b", "A100"),
 * dates ("2023年", "May 2023", "5月3日"), times, versions and ordinals ("第一").
 */

const MONTH = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
/** "May 2023", "May 5, 2023", "Sept. 12": the number is part of a date. Month names are capitalised, which keeps "may" the verb out. */
const AFTER_MONTH = new RegExp(`(?<![A-Za-z])(?:${MONTH})\\.? (?:\\d{1,2}(?:st|nd|rd|th)?,? )?$`);
const BEFORE_MONTH = new RegExp(` (?:${MONTH})(?![a-z])`, "y");

/** A letter, or a word joined by a hyphen or underscore, glued to the number: "GPT-3", "oss-120b", "A100", "COVID-19". */
const NAME_BEFORE = /(?:[A-Za-z_]|[A-Za-z0-9][-_.])$/;
/** Part of a date, time, version or range: "2023-05-01", "10:30", "3.5.1", "10-20%", "10至20". */
const JOINED_BEFORE = /\d(?:[-–—~/:.]|至|到)$/;
const JOINED_AFTER = /(?:[-–—~/:.]|至|到)\d/y;

/** Chinese names that begin with digits, as news cites them: "据36氪获悉", "58同城", "360集团". */
const NAME_FROM_DIGITS = /(?:36氪|58同城|360(?:集团|公司|安全|搜索|浏览器)|12306)/y;

export function isPartOfNameOrCode(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  if (NAME_BEFORE.test(before) || JOINED_BEFORE.test(before) || text[start - 1] === "#") return true;
  NAME_FROM_DIGITS.lastIndex = start;
  return NAME_FROM_DIGITS.test(text);
}

export function isJoinedToNextNumber(text: string, end: number): boolean {
  JOINED_AFTER.lastIndex = end;
  return JOINED_AFTER.test(text);
}

export function isOrdinal(text: string, start: number): boolean {
  return text[start - 1] === "第";
}

export function isYearLike(digits: string): boolean {
  if (!/^\d{4}$/.test(digits)) return false;
  const year = Number(digits);
  return year >= 1900 && year <= 2100;
}

/** A number next to an English month name is a day or a year. */
export function isNextToMonthName(text: string, start: number, end: number): boolean {
  if (AFTER_MONTH.test(text.slice(Math.max(0, start - 16), start))) return true;
  BEFORE_MONTH.lastIndex = end;
  return BEFORE_MONTH.test(text);
}

/** "5月" (May), "3日", "3号", "3月份": a small number before these is a calendar date. */
const CHINESE_DAY_OR_MONTH_AFTER = /[ ]?(?:月(?!活)|日(?!活)|号)/y;
/** "90年代" (the nineties), "二十世纪" (the twentieth century). */
const CHINESE_PERIOD_AFTER = /[ ]?(?:年代|世纪)/y;

export function isChineseDate(text: string, end: number, value: number): boolean {
  CHINESE_PERIOD_AFTER.lastIndex = end;
  if (CHINESE_PERIOD_AFTER.test(text)) return true;
  CHINESE_DAY_OR_MONTH_AFTER.lastIndex = end;
  return value >= 1 && value <= 31 && Number.isInteger(value) && CHINESE_DAY_OR_MONTH_AFTER.test(text);
}

/** "Llama 3", "Windows 11", "Figure 3": a bare number right after a capitalised word names something. */
const CAPITALISED_WORD_BEFORE = /(?<![A-Za-z])[A-Z][A-Za-z]* $/;

export function followsCapitalisedName(text: string, start: number): boolean {
  return CAPITALISED_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** A label that says the digits after it are a number to dial or look up, not a count. */
const ID_LABEL_BEFORE = /(?:电话|手机|热线|号码|编号|证号|工号|学号|账号|帐号|单号|邮编|QQ|微信号?|ID|No\.?|Tel\.?|phone)[:：]? ?$/i;
/** Amounts this long are written with 万/亿 or separators; an ungrouped run of 11+ digits is a phone or ID number. */
const LONG_DIGIT_RUN = /^\d{11,}$/;

/** "13812345678", "身份证号110101199003071234", "电话：88886666": digits that identify, not count. */
export function isIdOrPhoneNumber(text: string, start: number, digits: string): boolean {
  return LONG_DIGIT_RUN.test(digits) || ID_LABEL_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
