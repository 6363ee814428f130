//! Reminders without a server: an iCalendar file (RFC 5545, `.ics`) with
//! one repeating event that opens a routine. An installed web app cannot
//! schedule its own notifications; every calendar can import this.
//!
//! The event starts at the chosen local time on the next chosen day, as a
//! floating time (the calendar's own time zone, so 19:00 stays 19:00 after
//! a move or a clock change), repeats daily when all seven days are chosen
//! and weekly on the chosen days otherwise, lasts the routine's minutes
//! and carries an alarm at its start. The link is in `URL` and, for
//! calendars that do not show that, at the end of `DESCRIPTION`.
//!
//! Text values (`SUMMARY`, `DESCRIPTION`) escape backslashes, semicolons,
//! commas and line breaks, and lose other control characters. `URL` is a
//! URI value, where commas and semicolons are plain characters: only what
//! a URI cannot hold (spaces, line breaks, non-ASCII…) is percent-encoded.
//! Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
//! character.

use crate::clock::{civil_from_days, local_day, weekday_of, LocalTime};
use crate::text::{count, fill, get, key};

/// The two-letter day names of a weekly rule, Monday first.
pub const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The longest line, in octets, before it is folded.
pub const LINE_OCTETS: usize = 75;

/// A repeating reminder for one routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder<'a> {
    pub routine_name: &'a str,
    /// The link that opens the routine.
    pub url: &'a str,
    /// How long the routine takes: the event's length (at least 1).
    pub minutes: u32,
    /// The chosen days, Monday first; at least one.
    pub days: [bool; 7],
    /// The local time, 0 to 23 and 0 to 59.
    pub hour: u8,
    pub minute: u8,
}

/// Why no file can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderError {
    NoDay,
    BadTime,
}

impl ReminderError {
    /// The sentence shown to the person.
    pub fn message(self) -> &'static str {
        match self {
            ReminderError::NoDay => get(key::REMINDER_NO_DAY),
            ReminderError::BadTime => get(key::REMINDER_BAD_TIME),
        }
    }
}

/// The repeat rule: `FREQ=DAILY` for all seven days, else
/// `FREQ=WEEKLY;BYDAY=` and the chosen days in week order; `None` for none.
pub fn rule(days: [bool; 7]) -> Option<String> {
    if days.iter().all(|d| *d) {
        return Some("FREQ=DAILY".into());
    }
    let chosen: Vec<&str> = DAY_CODES
        .iter()
        .zip(days)
        .filter_map(|(code, on)| on.then_some(*code))
        .collect();
    (!chosen.is_empty()).then(|| format!("FREQ=WEEKLY;BYDAY={}", chosen.join(",")))
}

/// The local day (days since 1970-01-01) of the first reminder: today if
/// it is chosen and the time is still to come, else the next chosen day.
fn first_day(reminder: &Reminder, now_ms: i64, offset_min: i32) -> i64 {
    let today = local_day(now_ms, offset_min);
    let now = LocalTime::at(now_ms, offset_min);
    let still_today = u32::from(reminder.hour) * 60 + u32::from(reminder.minute)
        > u32::from(now.hour) * 60 + u32::from(now.minute);
    (0..7)
        .map(|k| today + k)
        .find(|&day| reminder.days[usize::from(weekday_of(day))] && (day > today || still_today))
        .unwrap_or(today + 7)
}

/// The calendar file for `reminder`, made at `now_ms` (Unix, UTC) where
/// the local time is `offset_min` minutes ahead of UTC.
pub fn ics(reminder: &Reminder, now_ms: i64, offset_min: i32) -> Result<String, ReminderError> {
    let rrule = rule(reminder.days).ok_or(ReminderError::NoDay)?;
    if reminder.hour > 23 || reminder.minute > 59 {
        return Err(ReminderError::BadTime);
    }
    let stamp = LocalTime::at(now_ms, 0);
    let (year, month, day) = civil_from_days(first_day(reminder, now_ms, offset_min));
    let minutes = reminder.minutes.max(1);
    let title = fill(key::CALENDAR_EVENT_TITLE, &[("routine", &reminder.routine_name)]);
    let description = count(
        key::CALENDAR_EVENT_DESCRIPTION,
        u64::from(minutes),
        &[("routine", &reminder.routine_name), ("url", &reminder.url)],
    );
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Foot Map//Reminder//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", uid(reminder)),
        format!(
            "DTSTAMP:{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            stamp.year,
            stamp.month,
            stamp.day,
            stamp.hour,
            stamp.minute,
            now_ms.rem_euclid(60_000) / 1000
        ),
        format!(
            "DTSTART:{year:04}{month:02}{day:02}T{:02}{:02}00",
            reminder.hour, reminder.minute
        ),
        format!("DURATION:PT{minutes}M"),
        format!("RRULE:{rrule}"),
        format!("SUMMARY:{}", escape(&title)),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("URL:{}", uri(reminder.url)),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        "TRIGGER:PT0S".into(),
        format!("DESCRIPTION:{}", escape(&title)),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    let mut out = String::new();
    for line in &lines {
        fold(line, &mut out);
    }
    Ok(out)
}

/// The event's id, the same for the same reminder (so importing it again
/// updates the event instead of adding a second): a hash of everything
/// but the time it was made.
fn uid(reminder: &Reminder) -> String {
    // FNV-1a, 64 bits: small, and the same on every platform and version.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let days: String = reminder.days.iter().map(|d| if *d { '1' } else { '0' }).collect();
    let key = format!(
        "{}\u{0}{}\u{0}{}\u{0}{}:{}\u{0}{}",
        reminder.routine_name, reminder.url, days, reminder.hour, reminder.minute, reminder.minutes
    );
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("foot-map-reminder-{hash:016x}")
}

/// A TEXT value (RFC 5545 3.3.11): `\`, `;` and `,` escaped with a
/// backslash, each line break as `\n`, other control characters left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: every byte a URI cannot hold percent-encoded (a `%` too,
/// unless it starts an encoded byte already).
fn uri(url: &str) -> String {
    const KEPT: &[u8] = b"-._~:/?#[]@!$&'()*+,;=";
    let bytes = url.as_bytes();
    let encoded = |i: usize| {
        bytes
            .get(i + 1..i + 3)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    };
    let mut out = String::with_capacity(url.len());
    for (i, &byte) in bytes.iter().enumerate() {
        if byte.is_ascii_alphanumeric() || KEPT.contains(&byte) || (byte == b'%' && encoded(i)) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Writes one content line, folded: a CRLF and a space before any octet
/// that would make a line longer than [`LINE_OCTETS`], never inside a
/// character; then the CRLF that ends it.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The content lines of a calendar text, unfolded as a calendar reads it.
pub fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .split("\r\n")
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// The file name to offer: `foot-map-reminder-evening-feet.ics` (the
/// routine's name in lower-case letters and digits, at most 40).
pub fn file_name(routine_name: &str) -> String {
    let mut slug = String::new();
    for c in routine_name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(40);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "foot-map-reminder.ics".into()
    } else {
        format!("foot-map-reminder-{slug}.ics")
    }
}

#[cfg(test)]
mod tests;
