//! When to remind the person to export.

use super::Store;

/// Why a reminder to export is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportDue {
    /// Never exported from this browser.
    Never,
    /// Last exported more than [`REMIND_AFTER_MS`] ago.
    Stale,
}

/// Four weeks, in ms: how long after the last export a reminder may show.
pub const REMIND_AFTER_MS: i64 = 28 * 86_400_000;

impl Store {
    /// Whether a gentle reminder to export is due at `now_ms`: there is
    /// something worth keeping (an own routine, or three sessions) and no
    /// export for four weeks, or none ever.
    pub fn export_due(&self, now_ms: i64) -> Option<ExportDue> {
        if self.routines.is_empty() && self.history.len() < 3 {
            return None;
        }
        match self.settings.exported_ms {
            None => Some(ExportDue::Never),
            Some(then) if now_ms.saturating_sub(then) > REMIND_AFTER_MS => Some(ExportDue::Stale),
            Some(_) => None,
        }
    }
}
