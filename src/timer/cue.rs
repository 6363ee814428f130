//! Cues inside a long step (halfway, ten seconds left), for someone who
//! cannot watch the countdown: when each is due, and never given late.

/// A cue inside a long step, for someone who cannot watch the countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Half the step is done (steps of at least [`HALFWAY_FROM_MS`]).
    Halfway,
    /// Ten seconds are left (steps of at least [`TEN_LEFT_FROM_MS`]).
    TenLeft,
}

/// The shortest step that gets a halfway cue.
pub const HALFWAY_FROM_MS: u64 = 40_000;
/// The shortest step that gets a ten-seconds-left cue.
pub const TEN_LEFT_FROM_MS: u64 = 25_000;
/// A cue passed longer ago than this is not given late (after the page was
/// frozen or hidden, say): it would only confuse.
pub const CUE_LATE_MS: u64 = 1_500;

/// The cue whose moment the running step `step_ms` long passed between
/// `before` and `after` ms remaining, if any and not long ago; of two, the
/// later.
pub fn cue_passed(step_ms: u64, before: u64, after: u64) -> Option<Cue> {
    let passed = |at: u64| before > at && after <= at && at - after <= CUE_LATE_MS;
    if step_ms >= TEN_LEFT_FROM_MS && passed(10_000) {
        Some(Cue::TenLeft)
    } else if step_ms >= HALFWAY_FROM_MS && passed(step_ms / 2) {
        Some(Cue::Halfway)
    } else {
        None
    }
}
