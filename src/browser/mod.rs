//! Thin bridges to browser capabilities, one per file. Everything that
//! touches `web_sys` for the routine player lives here, so the logic it
//! serves (the timer, the settings) stays pure and natively tested. Each
//! bridge degrades quietly where the browser lacks the capability.

pub mod audio;
pub mod offline;
pub mod speech;
pub mod storage;
pub mod wake_lock;

/// Milliseconds from a monotonic clock (`performance.now()`), the time base
/// the timer is fed with. Unlike the wall clock it never jumps.
pub fn now_ms() -> u64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
        .max(0.0) as u64
}
