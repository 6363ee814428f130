//! Values kept for the page's lifetime, each distinct value once, so that
//! routes and the player can hold them as plain `&'static` references (and
//! stay `Copy`) as they hold the built-in content. What is kept is small and
//! bounded by what a person does in one visit: the ids of their own
//! routines and of the links they open, and each version of an own routine
//! they run.

use std::any::Any;
use std::cell::RefCell;

thread_local! {
    static KEPT: RefCell<Vec<&'static dyn Any>> = const { RefCell::new(Vec::new()) };
}

/// `value`, kept for the page's lifetime; an equal value kept before is
/// returned instead of keeping a second.
pub fn keep<T: PartialEq + 'static>(value: T) -> &'static T {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some(same) = kept
            .iter()
            .find_map(|k| k.downcast_ref::<T>().filter(|k| **k == value))
        {
            return same;
        }
        let leaked: &'static T = Box::leak(Box::new(value));
        kept.push(leaked);
        leaked
    })
}

/// The text `id`, kept for the page's lifetime (see [`keep`]).
pub fn id(id: &str) -> &'static str {
    KEPT.with(|kept| {
        kept.borrow()
            .iter()
            .find_map(|k| k.downcast_ref::<String>().filter(|k| *k == id))
            .map(String::as_str)
    })
    .unwrap_or_else(|| keep(id.to_owned()).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_equal_value_is_kept_once_and_different_ones_apart() {
        assert!(std::ptr::eq(id("my-q"), id("my-q")));
        assert!(!std::ptr::eq(id("my-q"), id("my-r")));
        assert_eq!(id("my-q"), "my-q");
        let a = keep(vec![1, 2]);
        assert!(std::ptr::eq(a, keep(vec![1, 2])));
        // The same bytes as another type are another value.
        assert!(keep(7u8) == &7u8 && keep(7u16) == &7u16);
    }
}
