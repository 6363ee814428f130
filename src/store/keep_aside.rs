//! Where text that could not be read is kept aside, never overwritten.

use super::KEY;

/// The key to keep unreadable text under: `foot-map.store.unreadable`, or
/// with `-2`, `-3`… added if `taken` says that key already holds something.
/// Where to keep `text` aside: `Ok(None)` if one of the keys already
/// holds the same text (it is kept once, however often it is found),
/// else the first free key. `saved` reads a key.
pub fn keep_aside_slot(text: &str, saved: impl Fn(&str) -> Option<String>) -> Option<String> {
    let base = format!("{KEY}.unreadable");
    let mut key = base.clone();
    let mut n = 2;
    while let Some(there) = saved(&key) {
        if there == text {
            return None;
        }
        key = format!("{base}-{n}");
        n += 1;
    }
    Some(key)
}

/// The first free key to keep text aside under; see [`keep_aside_slot`].
pub fn keep_aside_key(taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{KEY}.unreadable");
    let mut key = base.clone();
    let mut n = 2;
    while taken(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}
