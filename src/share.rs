//! Share links: a routine's name and steps carried in the URL fragment,
//! `#share=1.<name>.<steps>.<check>`, and read back with a plain-words
//! reason whenever a link is damaged, cut short or hostile.
//!
//! # The link
//!
//! - `1` is the format version.
//! - `<name>` is the name's UTF-8 bytes in base64url without padding.
//! - `<steps>` is six characters per step: the zone's two-letter code, the
//!   technique's two-letter code, then two base64url digits holding
//!   `(seconds / 5 - 1) * 2 + side` (left 0, right 1).
//! - `<check>` is three base64url digits: the low 18 bits of the FNV-1a
//!   hash of everything from the version up to the last dot. A link cut
//!   anywhere loses it; a link changed anywhere fails it.
//!
//! The codes come from [`ZONE_CODES`] and [`TECHNIQUE_CODES`], fixed
//! tables rather than list positions: a link made today reads the same after
//! zones or techniques are added. A new zone or technique needs a new code
//! there (a test fails until it has one); a code is never reused.
//!
//! Every character is URL-safe (`A-Z a-z 0-9 - _ .`), so a link survives
//! being pasted, shared and percent-encoded nowhere. A 20-step routine with
//! a 30-character name is at most about 300 characters.

use crate::content::{Content, RoutineStep, Side};
use crate::own_routine::{self, clean_name, OwnRoutine, MAX_NAME, MAX_STEPS};
use crate::text::{fill, get, key};

/// The fragment key: `#share=…`.
pub const PREFIX: &str = "share=";

/// The longest share fragment read (a 60-step routine with a 60-character
/// name of four-byte letters needs under 700).
pub const MAX_LINK: usize = 800;

const VERSION: &str = "1";
const STEP_LEN: usize = 6;
const CHECK_LEN: usize = 3;

/// Two-character codes of the zones, for links. Append only: never change
/// or reuse a code.
pub const ZONE_CODES: &[(&str, &str)] = &[
    ("bt", "big-toe"),
    ("t2", "second-toe"),
    ("t3", "third-toe"),
    ("t4", "fourth-toe"),
    ("t5", "little-toe"),
    ("bi", "ball-inner"),
    ("bo", "ball-outer"),
    ("ai", "arch-inner"),
    ("ao", "arch-outer"),
    ("he", "heel"),
    ("tt", "toe-tops"),
    ("ti", "top-inner"),
    ("to", "top-outer"),
    ("in", "instep"),
    ("af", "ankle-front"),
    ("ie", "inner-edge"),
    ("ih", "inner-heel"),
    ("ia", "inner-ankle"),
    ("ac", "achilles"),
    ("is", "inner-shin"),
    ("sh", "shin"),
    ("ci", "calf-inner"),
    ("oe", "outer-edge"),
    ("oh", "outer-heel"),
    ("oa", "outer-ankle"),
    ("ol", "outer-leg"),
    ("os", "outer-shin"),
    ("co", "calf-outer"),
];

/// Two-character codes of the techniques, for links. Append only.
pub const TECHNIQUE_CODES: &[(&str, &str)] = &[
    ("tw", "thumb-walking"),
    ("kn", "kneading"),
    ("tc", "thumb-circles"),
    ("kp", "knuckle-press"),
    ("tp", "toe-pull"),
    ("ls", "long-strokes"),
    ("wr", "wringing"),
    ("ac", "ankle-circles"),
    ("pg", "pinch-glide"),
];

fn code_of(table: &'static [(&'static str, &'static str)], id: &str) -> Option<&'static str> {
    table.iter().find(|(_, i)| *i == id).map(|(code, _)| *code)
}

fn id_of(table: &'static [(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, id)| *id)
}

/// A routine read from a link: not saved until the person says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub name: String,
    pub steps: Vec<RoutineStep>,
}

impl Shared {
    /// The routine to save, under a new id (see [`crate::store::Store::new_id`]).
    pub fn into_routine(self, id: String) -> OwnRoutine {
        OwnRoutine {
            id,
            name: self.name,
            steps: self.steps,
        }
    }
}

/// Why a share link cannot be read or made; [`ShareError::message`] says it
/// in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Longer than any link Foot Map makes.
    TooLong,
    /// Parts are missing at the end.
    CutShort,
    /// Characters were changed, added or lost.
    Damaged,
    /// Made by a newer Foot Map, in this link format.
    Newer(String),
    /// The routine has no steps.
    NoSteps,
    /// More steps than a routine may have.
    TooManySteps(usize),
    /// The name is longer than a routine name may be.
    NameTooLong,
    /// A zone code or id this version does not know.
    UnknownZone(String),
    /// A technique code or id this version does not know.
    UnknownTechnique(String),
    /// The technique is not one of the zone's (zone and technique names).
    TechniqueNotForZone { zone: String, technique: String },
    /// A step time outside 5 to 600 seconds (only when making a link).
    BadTime(u32),
}

impl ShareError {
    /// The sentence shown to the person.
    pub fn message(&self) -> String {
        match self {
            ShareError::TooLong => get(key::SHARE_ERROR_TOO_LONG).into(),
            ShareError::CutShort => get(key::SHARE_ERROR_CUT_SHORT).into(),
            ShareError::Damaged => get(key::SHARE_ERROR_DAMAGED).into(),
            ShareError::Newer(version) => fill(key::SHARE_ERROR_NEWER, &[("version", version)]),
            ShareError::NoSteps => get(key::SHARE_ERROR_NO_STEPS).into(),
            ShareError::TooManySteps(n) => fill(
                key::SHARE_ERROR_TOO_MANY_STEPS,
                &[("count", n), ("max", &MAX_STEPS)],
            ),
            ShareError::NameTooLong => fill(key::SHARE_ERROR_NAME_TOO_LONG, &[("max", &MAX_NAME)]),
            ShareError::UnknownZone(zone) => fill(key::SHARE_ERROR_UNKNOWN_ZONE, &[("zone", zone)]),
            ShareError::UnknownTechnique(technique) => {
                fill(key::SHARE_ERROR_UNKNOWN_TECHNIQUE, &[("technique", technique)])
            }
            ShareError::TechniqueNotForZone { zone, technique } => fill(
                key::SHARE_ERROR_TECHNIQUE_NOT_FOR_ZONE,
                &[("technique", technique), ("zone", zone)],
            ),
            ShareError::BadTime(seconds) => fill(key::SHARE_ERROR_BAD_TIME, &[("seconds", seconds)]),
        }
    }
}

/// The fragment (without `#`) that shares this routine: `share=1.…`.
/// Fails only for a routine that could not be run anyway: no steps, too
/// many, a zone, technique or time Foot Map does not know.
pub fn fragment(routine: &OwnRoutine) -> Result<String, ShareError> {
    if routine.steps.is_empty() {
        return Err(ShareError::NoSteps);
    }
    if routine.steps.len() > MAX_STEPS {
        return Err(ShareError::TooManySteps(routine.steps.len()));
    }
    let name: String = clean_name(&routine.name).chars().take(MAX_NAME).collect();
    let mut body = format!("{VERSION}.{}.", base64(name.as_bytes()));
    for step in &routine.steps {
        let zone =
            code_of(ZONE_CODES, &step.zone).ok_or_else(|| ShareError::UnknownZone(step.zone.clone()))?;
        let technique = code_of(TECHNIQUE_CODES, &step.technique)
            .ok_or_else(|| ShareError::UnknownTechnique(step.technique.clone()))?;
        if !own_routine::seconds_ok(step.seconds) {
            return Err(ShareError::BadTime(step.seconds));
        }
        let side = match step.side {
            Side::Left => 0,
            Side::Right => 1,
        };
        let time = (step.seconds / 5 - 1) * 2 + side;
        body.push_str(zone);
        body.push_str(technique);
        push_digits(&mut body, time, 2);
    }
    let check = checksum(&body);
    body.push('.');
    push_digits(&mut body, check, CHECK_LEN);
    Ok(format!("{PREFIX}{body}"))
}

/// Whether a fragment (with or without `#`) is a share link, without
/// reading it.
pub fn is_link(fragment: &str) -> bool {
    fragment.strip_prefix('#').unwrap_or(fragment).starts_with(PREFIX)
}

/// Reads a fragment if it is a share link (with or without `#`): `None`
/// when it is some other fragment, for [`crate::route::parse`] to read.
/// Check this first: share links are longer than `route::MAX_FRAGMENT`.
pub fn parse_fragment(fragment: &str, content: &Content) -> Option<Result<Shared, ShareError>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let body = fragment.strip_prefix(PREFIX)?;
    Some(decode(body, content))
}

/// Reads the part after `share=`. Never panics.
pub fn decode(body: &str, content: &Content) -> Result<Shared, ShareError> {
    if body.len() > MAX_LINK {
        return Err(ShareError::TooLong);
    }
    let parts: Vec<&str> = body.split('.').collect();
    let version = parts[0];
    if version != VERSION {
        return Err(
            if !version.is_empty() && version.len() <= 4 && version.bytes().all(|b| b.is_ascii_digit()) {
                ShareError::Newer(version.to_string())
            } else if version.is_empty() {
                ShareError::CutShort
            } else {
                ShareError::Damaged
            },
        );
    }
    let &[_, name, steps, check] = parts.as_slice() else {
        return Err(if parts.len() < 4 {
            ShareError::CutShort
        } else {
            ShareError::Damaged
        });
    };
    if check.len() < CHECK_LEN {
        return Err(ShareError::CutShort);
    }
    if check.len() > CHECK_LEN {
        return Err(ShareError::Damaged);
    }
    let signed = &body[..body.len() - check.len() - 1];
    if read_digits(check) != Some(checksum(signed)) {
        return Err(ShareError::Damaged);
    }
    let name = unbase64(name)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or(ShareError::Damaged)?;
    let mut name = clean_name(&name);
    if name.is_empty() {
        name = get(key::SHARE_DEFAULT_NAME).into();
    }
    if name.chars().count() > MAX_NAME {
        return Err(ShareError::NameTooLong);
    }
    if !steps.is_ascii() || !steps.len().is_multiple_of(STEP_LEN) {
        return Err(ShareError::Damaged);
    }
    let count = steps.len() / STEP_LEN;
    if count == 0 {
        return Err(ShareError::NoSteps);
    }
    if count > MAX_STEPS {
        return Err(ShareError::TooManySteps(count));
    }
    let steps = (0..count)
        .map(|i| read_step(&steps[i * STEP_LEN..(i + 1) * STEP_LEN], content))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Shared { name, steps })
}

fn read_step(text: &str, content: &Content) -> Result<RoutineStep, ShareError> {
    let (zone_code, rest) = text.split_at(2);
    let (technique_code, time) = rest.split_at(2);
    let zone_id =
        id_of(ZONE_CODES, zone_code).ok_or_else(|| ShareError::UnknownZone(zone_code.to_string()))?;
    let technique_id = id_of(TECHNIQUE_CODES, technique_code)
        .ok_or_else(|| ShareError::UnknownTechnique(technique_code.to_string()))?;
    let time = read_digits(time).ok_or(ShareError::Damaged)?;
    let seconds = (time / 2 + 1) * 5;
    if seconds > own_routine::MAX_SECONDS {
        return Err(ShareError::Damaged);
    }
    // A code this version knows, for a zone or technique the content has
    // since lost.
    let zone = content
        .zones
        .iter()
        .find(|z| z.id == zone_id)
        .ok_or_else(|| ShareError::UnknownZone(zone_id.to_string()))?;
    let technique = content
        .technique(technique_id)
        .ok_or_else(|| ShareError::UnknownTechnique(technique_id.to_string()))?;
    if !zone.methods.iter().any(|m| m.technique == technique_id) {
        return Err(ShareError::TechniqueNotForZone {
            zone: crate::text::name_in_sentence(&zone.name),
            technique: crate::text::name_in_sentence(&technique.name),
        });
    }
    Ok(RoutineStep {
        side: if time.is_multiple_of(2) {
            Side::Left
        } else {
            Side::Right
        },
        zone: zone.id.clone(),
        technique: technique_id.to_string(),
        seconds,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn digit_value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// Writes `value` as `len` base64url digits, most significant first.
fn push_digits(out: &mut String, value: u32, len: usize) {
    for i in (0..len).rev() {
        out.push(ALPHABET[((value >> (6 * i)) & 63) as usize] as char);
    }
}

/// Reads base64url digits as one number (at most five digits).
fn read_digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 5 {
        return None;
    }
    text.bytes()
        .try_fold(0u32, |acc, c| Some((acc << 6) | digit_value(c)?))
}

/// The low 18 bits of the FNV-1a hash.
fn checksum(text: &str) -> u32 {
    let hash = text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash & 0x3_ffff
}

/// Base64url without padding.
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url without padding; `None` if it is not that.
fn unbase64(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .try_fold(0u32, |n, (i, &c)| Some(n | (digit_value(c)? << (18 - 6 * i))))?;
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    // Unused low bits must be zero, so each name has one spelling.
    (base64(&out) == text).then_some(out)
}

#[cfg(test)]
mod tests;
