//! A routine's sound as one track, for a media element to play with the
//! screen off: the chimes at their times from Start (one at each step, a
//! different one where the routine moves to the other foot or leg, the
//! cues inside long steps when chosen, and the end), and the track's
//! position read back as the step under way, so that the track can be the
//! routine's clock. Pure: no browser code.
//!
//! The format is WAV, 8-bit mono PCM at [`SAMPLE_RATE`]: every browser's
//! media element plays it without a codec, it is written in a few lines
//! with no dependency, and the chimes (notes under 1.1 kHz) need no more.
//! A 20-minute routine is 9.6 MB, almost all of it silence.

use crate::timer::{HALFWAY_FROM_MS, TEN_LEFT_FROM_MS};

/// Samples per second: twice the highest note and a margin.
pub const SAMPLE_RATE: u32 = 8_000;

/// The silence of unsigned 8-bit PCM.
const SILENCE: u8 = 128;

/// How long each note rings, in ms (as the page's chimes do).
const NOTE_MS: u64 = 1_100;

/// What a cue sounds like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sound {
    /// A step begins: two soft notes, rising.
    Step,
    /// A step begins on the other foot or leg: two notes, falling, then
    /// the first again.
    OtherSide,
    /// Half a long step is done: one note.
    Halfway,
    /// Ten seconds are left: one lower note.
    TenLeft,
    /// The routine is over: three notes, rising.
    Finish,
}

impl Sound {
    /// Its notes: (frequency in Hz, start from the cue in ms).
    pub fn notes(self) -> &'static [(f32, u64)] {
        match self {
            Sound::Step => &[(659.3, 0), (987.8, 120)],
            Sound::OtherSide => &[(987.8, 0), (659.3, 120), (987.8, 240)],
            Sound::Halfway => &[(784.0, 0)],
            Sound::TenLeft => &[(587.3, 0)],
            Sound::Finish => &[(523.3, 0), (659.3, 180), (784.0, 360)],
        }
    }
}

/// One step as the track needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub ms: u64,
    /// Whether it is on another foot or leg than the step before.
    pub other_side: bool,
}

/// A routine's timing, from Start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The countdown before the first step.
    pub get_ready_ms: u64,
    pub steps: Vec<Step>,
    /// Whether the cues inside long steps are wanted.
    pub in_step: bool,
}

/// A sound at a moment of the track.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// From the track's start, in ms.
    pub at_ms: u64,
    pub sound: Sound,
    /// The step it belongs to (the last one's index for the end).
    pub step: usize,
}

/// Where the track is: what the page shows when it runs again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The countdown before the first step, with this much left.
    GetReady { left_ms: u64 },
    /// Step `index`, with this much of it left.
    Step { index: usize, left_ms: u64 },
    /// Past the last step.
    Finished,
}

impl Plan {
    /// When step `index` starts, from the track's start.
    pub fn start_of(&self, index: usize) -> u64 {
        self.get_ready_ms + self.steps.iter().take(index).map(|s| s.ms).sum::<u64>()
    }

    /// The routine's length: the countdown and every step.
    pub fn length_ms(&self) -> u64 {
        self.start_of(self.steps.len())
    }

    /// Every cue, in time order.
    pub fn cues(&self) -> Vec<Cue> {
        let mut cues = Vec::new();
        let mut start = self.get_ready_ms;
        for (index, step) in self.steps.iter().enumerate() {
            let sound = if step.other_side && index > 0 {
                Sound::OtherSide
            } else {
                Sound::Step
            };
            cues.push(Cue {
                at_ms: start,
                sound,
                step: index,
            });
            if self.in_step {
                // As the page gives them (`timer::cue_passed`).
                if step.ms >= HALFWAY_FROM_MS {
                    cues.push(Cue {
                        at_ms: start + step.ms / 2,
                        sound: Sound::Halfway,
                        step: index,
                    });
                }
                if step.ms >= TEN_LEFT_FROM_MS {
                    cues.push(Cue {
                        at_ms: start + step.ms - 10_000,
                        sound: Sound::TenLeft,
                        step: index,
                    });
                }
            }
            start += step.ms;
        }
        if !self.steps.is_empty() {
            cues.push(Cue {
                at_ms: start,
                sound: Sound::Finish,
                step: self.steps.len() - 1,
            });
        }
        cues.sort_by_key(|c| c.at_ms);
        cues
    }

    /// Where the routine is when the track has played `at_ms`.
    pub fn position(&self, at_ms: u64) -> Position {
        if at_ms < self.get_ready_ms {
            return Position::GetReady {
                left_ms: self.get_ready_ms - at_ms,
            };
        }
        let mut end = self.get_ready_ms;
        for (index, step) in self.steps.iter().enumerate() {
            end += step.ms;
            if at_ms < end {
                return Position::Step {
                    index,
                    left_ms: end - at_ms,
                };
            }
        }
        Position::Finished
    }

    /// The track as a WAV file: the cues on silence, and a second of
    /// silence after the end's notes.
    pub fn wav(&self) -> Vec<u8> {
        let length = self.length_ms() + NOTE_MS + 400 + 1_000;
        let mut samples = vec![SILENCE; sample_at(length)];
        for cue in self.cues() {
            for &(hz, offset) in cue.sound.notes() {
                ring(&mut samples, sample_at(cue.at_ms + offset), hz);
            }
        }
        wav_file(&samples)
    }
}

/// The sample at `ms` from the start.
pub fn sample_at(ms: u64) -> usize {
    usize::try_from(ms * u64::from(SAMPLE_RATE) / 1000).unwrap_or(usize::MAX)
}

/// One soft bell-like note from sample `from`, as the page's chimes: a
/// 15 ms rise, then a fall to nothing over [`NOTE_MS`], added to what is
/// there.
fn ring(samples: &mut [u8], from: usize, hz: f32) {
    let rate = SAMPLE_RATE as f32;
    let length = sample_at(NOTE_MS);
    let rise = sample_at(15).max(1);
    for i in 0..length {
        let Some(sample) = samples.get_mut(from + i) else {
            return;
        };
        let t = i as f32 / rate;
        let envelope = if i < rise {
            i as f32 / rise as f32
        } else {
            let left = 1.0 - (i - rise) as f32 / (length - rise) as f32;
            left * left
        };
        let wave = (2.0 * std::f32::consts::PI * hz * t).sin() * envelope * 60.0;
        let mixed = f32::from(*sample) + wave;
        *sample = mixed.round().clamp(0.0, 255.0) as u8;
    }
}

/// A WAV file (RIFF, PCM, mono, 8 bits) holding `samples`.
pub fn wav_file(samples: &[u8]) -> Vec<u8> {
    let data = u32::try_from(samples.len()).unwrap_or(u32::MAX - 36);
    let mut out = Vec::with_capacity(samples.len() + 44);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    // PCM, one channel.
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    // Bytes a second, bytes a frame, bits a sample.
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&8u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    out.extend_from_slice(&samples[..data as usize]);
    out
}

#[cfg(test)]
mod tests;
