//! The shapes of the content files. Field docs say what an editor writes.
//! `src/build.rs` includes this file too: it reads the TOML into these types
//! (so a mistake fails the build with the file and field named) and writes
//! them as postcard bytes, which the app decodes.

use serde::{Deserialize, Serialize};

/// Everything the content files hold, merged into one document by `src/build.rs`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    #[serde(rename = "zone")]
    pub zones: Vec<Zone>,
    #[serde(rename = "technique")]
    pub techniques: Vec<Technique>,
    #[serde(rename = "claim")]
    pub claims: Vec<Claim>,
    #[serde(rename = "label")]
    pub labels: Vec<Label>,
    #[serde(rename = "source")]
    pub sources: Vec<Source>,
    #[serde(rename = "caution")]
    pub cautions: Vec<Caution>,
    pub safety: SafetyNote,
    pub reflexology: ReflexologyNote,
    #[serde(rename = "advice")]
    pub advice: Vec<Advice>,
    #[serde(rename = "routine", default)]
    pub routines: Vec<Routine>,
}

/// Which drawing of the feet a zone is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// The soles, seen from below, toes up.
    Sole,
    /// The tops of the feet, seen from above, toes up.
    Top,
    /// The inner side of each foot and lower leg.
    Inner,
    /// The outer side of each foot and lower leg.
    Outer,
}

impl View {
    /// Every view, in the order the map shows them. (Its names, from
    /// `src/text/`, are in `src/content/mod.rs`: `src/build.rs` includes
    /// this file without the texts.)
    pub const ALL: [View; 4] = [View::Sole, View::Top, View::Inner, View::Outer];

    /// The id used in element ids and test hooks.
    pub fn slug(self) -> &'static str {
        match self {
            View::Sole => "sole",
            View::Top => "top",
            View::Inner => "inner",
            View::Outer => "outer",
        }
    }
}

/// Whether a zone is on the foot or on the lower leg; shapes its full name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    Foot,
    Leg,
}

/// How hard to press (its label is in `src/content/mod.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pressure {
    Light,
    Medium,
    Firm,
}

/// One area of one foot or leg. Zones are written once and exist on both
/// sides: `heel` is drawn as `left-heel` and `right-heel`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Lower-case words joined by hyphens, unique, without a side.
    pub id: String,
    /// Short name, capitalised: "Heel", "Big toe".
    pub name: String,
    pub view: View,
    pub part: Part,
    /// Where it is, in plain words a person can find on their own body.
    pub location: String,
    /// How to massage it: one or more techniques with zone-specific steps.
    pub methods: Vec<Method>,
    /// What traditional reflexology charts assign to this area, if anything.
    #[serde(default)]
    pub reflexology: Option<String>,
}

/// One way to massage a zone.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// The id of a technique.
    pub technique: String,
    pub pressure: Pressure,
    /// Suggested time for this zone and technique, per foot.
    pub seconds: u32,
    /// Short numbered steps, each one sentence.
    pub steps: Vec<String>,
}

/// A massage technique, described once and used by many zones.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    pub id: String,
    pub name: String,
    /// One sentence on what the hands do.
    pub summary: String,
}

/// A benefit that the source article claims for foot and leg massage.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The claim as a short phrase: "Improves sleep".
    pub title: String,
    /// What the article says, in our own words.
    pub claimed: String,
    /// The id of an evidence label.
    pub evidence: String,
    /// One sentence on why the claim has that label.
    pub why: String,
    /// Source ids backing the label. Empty only when no trials of the claim
    /// were found (label `none`); the card then says so.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The zones Foot Map ties the claim to, grouped by why. The article
    /// ties no benefit to any area, so each link says its basis. Empty when
    /// nothing points to one area more than another.
    #[serde(rename = "link", default)]
    pub links: Vec<ZoneLink>,
}

/// Zones tied to a claim for one reason.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneLink {
    pub basis: Basis,
    /// A short phrase on the reason, read after the basis: "strokes up the
    /// calf, which the article claims move pooled fluid on", "charts place
    /// the spine here". A benefit stays the article's claim here too.
    pub how: String,
    /// Zone ids; each zone appears at most once per claim.
    pub zones: Vec<String>,
}

/// Why a claim is tied to a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The massage itself acts there: strokes up the calf for swelling,
    /// the sole for foot pain.
    Massage,
    /// A traditional reflexology chart assigns that area to the body part
    /// the claim is about; tradition, with no evidence behind it.
    Chart,
}

impl Basis {
    /// The id used in test hooks and styles.
    pub fn slug(self) -> &'static str {
        match self {
            Basis::Massage => "massage",
            Basis::Chart => "chart",
        }
    }
}

/// A grade on the evidence scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub id: String,
    /// Short text shown on the badge.
    pub name: String,
    /// What the grade means, in a sentence or two.
    pub meaning: String,
    /// 0 is the strongest evidence; larger is weaker.
    pub rank: u8,
}

/// A published source.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// "Ernst E", "Ernst E, Posadzki P, Lee MS".
    pub authors: String,
    pub year: u16,
    pub title: String,
    pub journal: String,
    /// Volume, issue and pages, or article number.
    pub citation: String,
    /// A DOI ("https://doi.org/...") or PubMed address, checked against
    /// the published record; `None` when none was found.
    #[serde(default)]
    pub link: Option<String>,
    /// One sentence on what it found.
    pub finding: String,
    /// The ids of the claims and cautions it may be cited for (and
    /// `safety` or `reflexology` for those notes): what it actually
    /// studied. A content rule refuses a citation outside its topics.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// How serious a caution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Do not massage; see a clinician first.
    Stop,
    /// Light pressure only, or ask a clinician first.
    Care,
}

/// A safety caution.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Caution {
    pub id: String,
    pub severity: Severity,
    pub title: String,
    pub text: String,
    /// Zone ids whose details show this caution; empty for a general one,
    /// which every zone's details show.
    #[serde(default)]
    pub zones: Vec<String>,
    /// Source ids for the caution, if it cites any.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The conditions it gives an instruction for, each as words its title
    /// or text contains: "poor circulation". A condition a `stop` caution
    /// names may not appear in a `care` caution, so no condition gets two
    /// opposite instructions.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// One sentence for the top of a zone's details, before any pressure
    /// is named: what to do and why. Every caution with `zones` or `who`
    /// has one.
    #[serde(default)]
    pub brief: Option<String>,
    /// The lasting condition it is about, in the words a person would tick
    /// in "What applies to me" ("Diabetes or numb feet"); none for acute
    /// signs and for cautions about a place on the body.
    #[serde(default)]
    pub who: Option<String>,
}

/// The framing text around the list of cautions.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyNote {
    pub intro: String,
    /// The question asked before every routine that works the legs; a
    /// "yes" shows the `dvt` caution instead of starting.
    pub leg_check: String,
    /// Source ids for the safety facts.
    pub sources: Vec<String>,
    pub closing: String,
}

/// Why the traditional reflexology layer is marked as tradition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReflexologyNote {
    pub note: String,
    pub sources: Vec<String>,
}

/// Practical advice: oil, warmth, tools, how long and how often.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub id: String,
    pub title: String,
    pub text: String,
}

/// Left or right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    /// The side as it starts a map zone id: "left", "right".
    pub fn slug(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// A guided routine: a sequence of timed steps.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    pub id: String,
    pub name: String,
    /// The stated length; the steps must add up to it exactly.
    pub minutes: u32,
    pub summary: String,
    /// What it is for, to pick it by need: `tired-legs`, `feet`, `sleep`,
    /// `relax` (a short one is found by its minutes).
    #[serde(default)]
    pub needs: Vec<Need>,
    #[serde(rename = "step")]
    pub steps: Vec<RoutineStep>,
}

/// What a person may want a routine for (its label is in
/// `src/components/routine_list.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    TiredLegs,
    Feet,
    Sleep,
    Relax,
}

impl Need {
    pub const ALL: [Need; 4] = [Need::TiredLegs, Need::Feet, Need::Sleep, Need::Relax];
}

/// One timed step of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoutineStep {
    pub side: Side,
    /// A zone id (without side).
    pub zone: String,
    /// A technique id that the zone lists among its methods.
    pub technique: String,
    pub seconds: u32,
}

/// The text that only pages other than the map show: the sources' authors,
/// titles, journals, citations and findings, what each benefit's article claims, what each
/// evidence label means, the safety note's introduction and leg check, what
/// only the content rules read (the sources' topics), every caution, the built-in routines' summaries and
/// steps, and what only a zone's details show (where the zone is, its
/// methods' steps, the techniques' summaries, why each claim has its label
/// and how each of its links to zones is drawn). `src/build.rs` packs it
/// apart from the rest, so that the code of those pages (a zone's details
/// among them) carries it and a first visit, which shows the map, does
/// not download it.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Apart {
    /// Per source, in order: authors, title, journal, citation, finding.
    pub sources: Vec<[String; 5]>,
    /// Per claim, in order: what the article claims.
    pub claimed: Vec<String>,
    /// Per label, in order: what it means.
    pub meanings: Vec<String>,
    /// Per source, in order: its topics.
    pub topics: Vec<Vec<String>>,
    /// Per source, in order: its DOI or PubMed address, if it has one.
    pub links: Vec<Option<String>>,
    /// Every caution: only a zone's details, the safety note and the
    /// routines show them.
    pub cautions: Vec<Caution>,
    /// Per zone, in order: where it is, and each method's steps.
    pub zones: Vec<(String, Vec<Vec<String>>)>,
    /// Per technique, in order: its summary.
    pub summaries: Vec<String>,
    /// Per claim, in order: why it has its label, and how each of its
    /// links to zones is drawn.
    pub reasons: Vec<(String, Vec<String>)>,
    pub intro: String,
    pub leg_check: String,
    /// Per routine, in order: its summary and steps.
    pub routines: Vec<(String, Vec<RoutineStep>)>,
}

impl Content {
    /// Takes the text only other pages show out of the content, leaving
    /// empty text and no routine steps in its place.
    pub fn take_apart(&mut self) -> Apart {
        use std::mem::take;
        Apart {
            sources: (self.sources.iter_mut())
                .map(|s| {
                    [
                        take(&mut s.authors),
                        take(&mut s.title),
                        take(&mut s.journal),
                        take(&mut s.citation),
                        take(&mut s.finding),
                    ]
                })
                .collect(),
            claimed: self.claims.iter_mut().map(|c| take(&mut c.claimed)).collect(),
            meanings: self.labels.iter_mut().map(|l| take(&mut l.meaning)).collect(),
            topics: self.sources.iter_mut().map(|s| take(&mut s.topics)).collect(),
            links: self.sources.iter_mut().map(|s| take(&mut s.link)).collect(),
            cautions: take(&mut self.cautions),
            zones: (self.zones.iter_mut())
                .map(|z| {
                    let steps = z.methods.iter_mut().map(|m| take(&mut m.steps)).collect();
                    (take(&mut z.location), steps)
                })
                .collect(),
            summaries: self.techniques.iter_mut().map(|t| take(&mut t.summary)).collect(),
            reasons: (self.claims.iter_mut())
                .map(|c| {
                    let hows = c.links.iter_mut().map(|l| take(&mut l.how)).collect();
                    (take(&mut c.why), hows)
                })
                .collect(),
            intro: take(&mut self.safety.intro),
            leg_check: take(&mut self.safety.leg_check),
            routines: (self.routines.iter_mut())
                .map(|r| (take(&mut r.summary), take(&mut r.steps)))
                .collect(),
        }
    }

    /// Puts back what [`Content::take_apart`] took out.
    pub fn put_back(&mut self, apart: Apart) {
        for (s, [authors, title, journal, citation, finding]) in self.sources.iter_mut().zip(apart.sources) {
            (s.authors, s.title, s.journal, s.citation, s.finding) =
                (authors, title, journal, citation, finding);
        }
        for (c, claimed) in self.claims.iter_mut().zip(apart.claimed) {
            c.claimed = claimed;
        }
        for (l, meaning) in self.labels.iter_mut().zip(apart.meanings) {
            l.meaning = meaning;
        }
        for (s, topics) in self.sources.iter_mut().zip(apart.topics) {
            s.topics = topics;
        }
        for (s, link) in self.sources.iter_mut().zip(apart.links) {
            s.link = link;
        }
        self.cautions = apart.cautions;
        for (z, (location, steps)) in self.zones.iter_mut().zip(apart.zones) {
            z.location = location;
            for (m, steps) in z.methods.iter_mut().zip(steps) {
                m.steps = steps;
            }
        }
        for (t, summary) in self.techniques.iter_mut().zip(apart.summaries) {
            t.summary = summary;
        }
        for (c, (why, hows)) in self.claims.iter_mut().zip(apart.reasons) {
            c.why = why;
            for (l, how) in c.links.iter_mut().zip(hows) {
                l.how = how;
            }
        }
        self.safety.intro = apart.intro;
        self.safety.leg_check = apart.leg_check;
        for (r, (summary, steps)) in self.routines.iter_mut().zip(apart.routines) {
            (r.summary, r.steps) = (summary, steps);
        }
    }
}
