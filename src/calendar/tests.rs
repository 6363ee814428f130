//! Tests of the reminder's calendar file: the exact text, the repeat rule
//! and first day, escaping, folding, and property tests of folding.

use super::*;
use crate::clock::DAY_MS;
use proptest::prelude::*;

const HOUR: i64 = 3_600_000;
/// Monday 2026-11-23 00:00 UTC.
const MONDAY: i64 = 1_795_392_000_000;
const MON_WED_FRI: [bool; 7] = [true, false, true, false, true, false, false];

fn evening(days: [bool; 7]) -> Reminder<'static> {
    Reminder {
        routine_name: "Evening",
        url: "https://example.org/foot-map/#routine=relax-10",
        minutes: 10,
        days,
        hour: 19,
        minute: 0,
    }
}

/// The unfolded line that starts with `name:`, without it.
fn value(text: &str, name: &str) -> String {
    let prefix = format!("{name}:");
    unfold(text)
        .into_iter()
        .find_map(|l| l.strip_prefix(&prefix).map(str::to_string))
        .unwrap_or_else(|| panic!("no {name} in {text}"))
}

/// TEXT unescaped, as a calendar reads it.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn the_file_for_evenings_on_monday_wednesday_and_friday() {
    // 08:00:30 UTC, 09:00 in UTC+1: the first reminder is tonight.
    let text = ics(&evening(MON_WED_FRI), MONDAY + 8 * HOUR + 30_000, 60).unwrap();
    let expected = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Foot Map//Reminder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:foot-map-reminder-bf7317d04dfc7f3d",
        "DTSTAMP:20261123T080030Z",
        "DTSTART:20261123T190000",
        "DURATION:PT10M",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "SUMMARY:Foot Map: Evening",
        // Folded at 75 octets.
        "DESCRIPTION:Evening\\, 10 minutes. Open it in Foot Map: https://example.org/",
        " foot-map/#routine=relax-10",
        "URL:https://example.org/foot-map/#routine=relax-10",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0S",
        "DESCRIPTION:Foot Map: Evening",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .join("\r\n");
    assert_eq!(text, expected);
}

#[test]
fn all_seven_days_repeat_daily_and_fewer_weekly_on_those_days() {
    assert_eq!(rule([true; 7]).as_deref(), Some("FREQ=DAILY"));
    assert_eq!(
        rule([false, false, false, false, false, true, true]).as_deref(),
        Some("FREQ=WEEKLY;BYDAY=SA,SU")
    );
    assert_eq!(
        rule([true, true, true, true, true, true, false]).as_deref(),
        Some("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA")
    );
    assert_eq!(rule([false; 7]), None);
    let daily = ics(&evening([true; 7]), MONDAY, 0).unwrap();
    assert_eq!(value(&daily, "RRULE"), "FREQ=DAILY");
}

#[test]
fn the_first_reminder_is_on_the_next_chosen_day_at_the_local_time() {
    let start = |days, now_ms, offset| value(&ics(&evening(days), now_ms, offset).unwrap(), "DTSTART");
    // Monday 09:00: tonight.
    assert_eq!(start(MON_WED_FRI, MONDAY + 9 * HOUR, 0), "20261123T190000");
    // Monday 19:00 exactly or later: Wednesday.
    assert_eq!(start(MON_WED_FRI, MONDAY + 19 * HOUR, 0), "20261125T190000");
    assert_eq!(start(MON_WED_FRI, MONDAY + 20 * HOUR, 0), "20261125T190000");
    // Saturday: Monday next week, across the month's end.
    assert_eq!(start(MON_WED_FRI, MONDAY + 5 * DAY_MS, 0), "20261130T190000");
    // Only Mondays, and Monday's time has passed: a week later.
    let mondays = [true, false, false, false, false, false, false];
    assert_eq!(start(mondays, MONDAY + 20 * HOUR, 0), "20261130T190000");
    // 23:30 UTC on Sunday is already Monday 00:30 in UTC+1, and 18:30 on
    // Sunday in UTC-5: the local day decides.
    let sunday_late = MONDAY - HOUR / 2;
    assert_eq!(start(mondays, sunday_late, 60), "20261123T190000");
    assert_eq!(
        start(
            [false, false, false, false, false, false, true],
            sunday_late,
            -300
        ),
        "20261122T190000"
    );
    // The stamp is always UTC.
    let text = ics(&evening(mondays), sunday_late, 60).unwrap();
    assert_eq!(value(&text, "DTSTAMP"), "20261122T233000Z");
}

#[test]
fn a_reminder_needs_a_day_and_a_real_time() {
    assert_eq!(ics(&evening([false; 7]), MONDAY, 0), Err(ReminderError::NoDay));
    let late = Reminder {
        hour: 24,
        ..evening([true; 7])
    };
    assert_eq!(ics(&late, MONDAY, 0), Err(ReminderError::BadTime));
    let minute = Reminder {
        minute: 60,
        ..evening([true; 7])
    };
    assert_eq!(ics(&minute, MONDAY, 0), Err(ReminderError::BadTime));
    assert_eq!(
        ReminderError::NoDay.message(),
        "Choose at least one day for the reminder."
    );
    let edge = Reminder {
        hour: 23,
        minute: 59,
        minutes: 0,
        ..evening([true; 7])
    };
    let text = ics(&edge, MONDAY, 0).unwrap();
    assert_eq!(value(&text, "DTSTART"), "20261123T235900");
    assert_eq!(
        value(&text, "DURATION"),
        "PT1M",
        "an event lasts at least a minute"
    );
}

#[test]
fn the_same_reminder_keeps_its_id_and_another_gets_its_own() {
    let a = ics(&evening(MON_WED_FRI), MONDAY, 0).unwrap();
    let later = ics(&evening(MON_WED_FRI), MONDAY + 3 * DAY_MS, 120).unwrap();
    assert_eq!(value(&a, "UID"), value(&later, "UID"));
    let other = ics(&evening([true; 7]), MONDAY, 0).unwrap();
    assert_ne!(value(&a, "UID"), value(&other, "UID"));
}

#[test]
fn text_is_escaped_and_the_link_stays_a_link() {
    let reminder = Reminder {
        routine_name: "Feet; legs, back\\slash\nand\r\nmore\u{7}",
        url: "https://example.org/a b/#routine=my-x,y;z\nü",
        ..evening([true; 7])
    };
    let text = ics(&reminder, MONDAY, 0).unwrap();
    let summary = value(&text, "SUMMARY");
    assert_eq!(summary, "Foot Map: Feet\\; legs\\, back\\\\slash\\nand\\nmore");
    assert_eq!(unescape(&summary), "Foot Map: Feet; legs, back\\slash\nand\nmore");
    assert_eq!(
        value(&text, "URL"),
        "https://example.org/a%20b/#routine=my-x,y;z%0A%C3%BC",
        "commas and semicolons are URI characters; what a URI cannot hold is percent-encoded"
    );
    let percent = Reminder {
        url: "https://example.org/#routine=my-%41%zz",
        ..evening([true; 7])
    };
    assert_eq!(
        value(&ics(&percent, MONDAY, 0).unwrap(), "URL"),
        "https://example.org/#routine=my-%41%25zz"
    );
    let description = unescape(&value(&text, "DESCRIPTION"));
    assert!(description.ends_with("Open it in Foot Map: https://example.org/a b/#routine=my-x,y;z\nü"));
    // No raw line break or control character gets into any line.
    for line in unfold(&text) {
        assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
    }
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_a_character() {
    let name = "Füße und Waden, abends 🦶🦶🦶 ".repeat(6);
    let reminder = Reminder {
        routine_name: &name,
        ..evening([true; 7])
    };
    let text = ics(&reminder, MONDAY, 0).unwrap();
    assert!(text.ends_with("\r\n"));
    for line in text.as_bytes().split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(line.len() <= LINE_OCTETS, "{} octets", line.len());
        assert!(std::str::from_utf8(line).is_ok(), "a character was split");
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    assert_eq!(unescape(&value(&text, "SUMMARY")), format!("Foot Map: {name}"));
}

#[test]
fn file_names_say_what_the_file_is() {
    assert_eq!(file_name("Evening"), "foot-map-reminder-evening.ics");
    assert_eq!(
        file_name("  Feet & Legs: 10 min! "),
        "foot-map-reminder-feet-legs-10-min.ics"
    );
    assert_eq!(file_name("Füße"), "foot-map-reminder-f-e.ics");
    assert_eq!(file_name("🦶"), "foot-map-reminder.ics");
    assert_eq!(
        file_name(&"a".repeat(100)).len(),
        "foot-map-reminder-.ics".len() + 40
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_name_and_link_fold_and_unfold_losslessly(
        name in any::<String>(),
        url in any::<String>(),
        link in "[A-Za-z0-9:/?#@!$&'()*+,;=._~-]{0,200}",
        days in any::<[bool; 7]>(),
        hour in 0u8..24,
        minute in 0u8..60,
        now in any::<i64>(),
        offset in -1440i32..=1440,
    ) {
        prop_assume!(days.iter().any(|d| *d));
        for url in [url.as_str(), link.as_str()] {
            let reminder = Reminder { routine_name: &name, url, minutes: 10, days, hour, minute };
            let text = ics(&reminder, now, offset).unwrap();
            for line in text.split("\r\n") {
                prop_assert!(line.len() <= LINE_OCTETS);
            }
            let lines = unfold(&text);
            prop_assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
            prop_assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
            prop_assert_eq!(lines.len(), 21, "no line break escaped into a new line");
            // Folding again what was unfolded gives the same text.
            let mut again = String::new();
            for line in &lines {
                fold(line, &mut again);
            }
            prop_assert_eq!(&again, &text);
            let clean: String = name
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
                .collect();
            prop_assert_eq!(unescape(&value(&text, "SUMMARY")), format!("Foot Map: {clean}"));
        }
        // A link of URI characters comes back exactly.
        let reminder = Reminder { routine_name: &name, url: &link, minutes: 10, days, hour, minute };
        prop_assert_eq!(value(&ics(&reminder, now, offset).unwrap(), "URL"), link.clone());
    }
}
