//! What the URL fragment says the page shows (`#zone=left-heel`), parsed and
//! written without the browser, so every odd link can be tested natively.

use crate::content::{Claim, Content, Part, Routine, RoutineStep, Side, Whole, Zone};
use crate::share::{self, Shared};
use crate::text::{fill, get, key};

mod pages;
pub use pages::{code_of_fragment, Code, Page, Route, Written, PAGES};

/// The longest fragment worth reading; anything longer is not a link we made.
pub const MAX_FRAGMENT: usize = 200;

/// One zone on one side of the body: `left-heel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZoneKey {
    pub side: Side,
    /// The content zone id, without side.
    pub zone: &'static str,
}

impl ZoneKey {
    /// The map id, as used in links and element ids: `left-heel`.
    pub fn slug(self) -> String {
        format!("{}-{}", self.side.slug(), self.zone)
    }

    /// Parses a map id such as `right-big-toe` against the known zones.
    pub fn parse(slug: &str, content: &'static Content) -> Option<ZoneKey> {
        let (side, zone) = if let Some(rest) = slug.strip_prefix("left-") {
            (Side::Left, rest)
        } else if let Some(rest) = slug.strip_prefix("right-") {
            (Side::Right, rest)
        } else {
            return None;
        };
        ZoneKey::on(side, zone, content)
    }

    /// Zone `id` on `side`, if the content knows the zone.
    pub fn on(side: Side, id: &str, content: &'static Content) -> Option<ZoneKey> {
        let zone = content.zone(id)?;
        Some(ZoneKey { side, zone: &zone.id })
    }

    /// The map zone of a routine's step, if the content knows it.
    pub fn of_step(step: &RoutineStep, content: &'static Content) -> Option<ZoneKey> {
        ZoneKey::on(step.side, &step.zone, content)
    }

    /// The zone's content.
    pub fn content(self, content: &'static Content) -> &'static Zone {
        content
            .zone(self.zone)
            .expect("a ZoneKey is only made for a known zone")
    }

    /// "Right foot" or "Left leg": which limb the zone is on.
    pub fn limb(self, content: &'static Content) -> String {
        get(match (self.side, self.content(content).part) {
            (Side::Left, Part::Foot) => key::LIMB_LEFT_FOOT,
            (Side::Right, Part::Foot) => key::LIMB_RIGHT_FOOT,
            (Side::Left, Part::Leg) => key::LIMB_LEFT_LEG,
            (Side::Right, Part::Leg) => key::LIMB_RIGHT_LEG,
        })
        .to_string()
    }

    /// "Right foot – big toe", the name a person hears and reads.
    pub fn full_name(self, content: &'static Content) -> String {
        fill(
            key::ZONE_FULL_NAME,
            &[
                ("limb", &self.limb(content)),
                ("zone", &name_in_sentence(&self.content(content).name)),
            ],
        )
    }
}

/// "Now the right foot.": said when a routine moves from `before` to
/// `next` on another foot or leg; `None` on the same one.
pub fn side_switch(before: ZoneKey, next: ZoneKey, content: &'static Content) -> Option<String> {
    let limb = |k: ZoneKey| (k.side, k.content(content).part);
    (limb(before) != limb(next)).then(|| {
        get(match limb(next) {
            (Side::Left, Part::Foot) => key::SPOKEN_NOW_LEFT_FOOT,
            (Side::Right, Part::Foot) => key::SPOKEN_NOW_RIGHT_FOOT,
            (Side::Left, Part::Leg) => key::SPOKEN_NOW_LEFT_LEG,
            (Side::Right, Part::Leg) => key::SPOKEN_NOW_RIGHT_LEG,
        })
        .to_string()
    })
}

pub use crate::text::name_in_sentence;

/// Why a link could not be followed; shown in the page as a short message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// `#zone=` names a zone the map does not have.
    UnknownZone(String),
    /// `#routine=` names a routine that does not exist.
    UnknownRoutine(String),
    /// `#benefit=` names a benefit that is not claimed.
    UnknownBenefit(String),
    /// Longer than any link the app makes.
    TooLong,
    /// Not a `key=value` the app understands.
    Unreadable(String),
    /// A share link that cannot be read: the sentence that says why.
    Share(String),
    /// The page's code, fetched the first time it is opened, could not be
    /// downloaded (see `components::parts`).
    NotDownloaded,
}

impl LinkError {
    /// The sentence shown to the reader.
    pub fn message(&self) -> String {
        match self {
            LinkError::UnknownZone(name) => fill(key::LINK_ERROR_UNKNOWN_ZONE, &[("name", name)]),
            LinkError::UnknownRoutine(name) => fill(key::LINK_ERROR_UNKNOWN_ROUTINE, &[("name", name)]),
            LinkError::UnknownBenefit(name) => fill(key::LINK_ERROR_UNKNOWN_BENEFIT, &[("name", name)]),
            LinkError::TooLong => get(key::LINK_ERROR_TOO_LONG).into(),
            LinkError::Unreadable(text) => fill(key::LINK_ERROR_UNREADABLE, &[("text", text)]),
            LinkError::Share(text) => text.clone(),
            LinkError::NotDownloaded => get(key::LINK_ERROR_NOT_DOWNLOADED).into(),
        }
    }
}

/// Reads any fragment (with or without its leading `#`): a share link,
/// with the routine it carries, or any other route.
pub fn read(fragment: &str, content: &'static Content) -> Result<(Route, Option<Shared>), LinkError> {
    match read_share(fragment, content) {
        Some(shared) => shared.map(|shared| (Route::Shared, Some(shared))),
        None => parse(fragment, content).map(|route| (route, None)),
    }
}

/// Reads a share link (with or without its leading `#`): the routine it
/// carries, or why it cannot be read; `None` for any other fragment.
pub fn read_share(fragment: &str, content: &Content) -> Option<Result<Shared, LinkError>> {
    let read = share::parse_fragment(fragment, content)?;
    Some(read.map_err(|error| LinkError::Share(fill(key::LINK_ERROR_SHARE, &[("reason", &error.message())]))))
}

/// Reads a fragment (with or without its leading `#`) other than a share
/// link.
pub fn parse(fragment: &str, content: &'static Content) -> Result<Route, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong);
    }
    if fragment.is_empty() {
        return Ok(Route::Map);
    }
    match fragment.split_once('=') {
        Some((item, value)) => Route::item(item, value, content),
        None => PAGES
            .iter()
            .find(|page| page.fragment == fragment)
            .map(|page| page.route)
            .ok_or_else(|| LinkError::Unreadable(printable(fragment))),
    }
}

/// The fragment for a route, without `#`; empty for the bare map.
pub fn fragment(route: Route) -> String {
    route
        .item_fragment()
        .unwrap_or_else(|| route.page().fragment.into())
}

/// The claimed benefit with this id.
pub fn benefit(id: &str, content: &'static Content) -> Option<&'static Claim> {
    content.claims.iter().find(|c| c.id == id)
}

/// The built-in routine with this id, with its steps (which only the
/// whole content has).
pub fn routine(id: &str, content: &'static Whole) -> Option<&'static Routine> {
    content.routine(id)
}

/// The same text for the page's lifetime, so routes stay `Copy`.
pub fn intern(id: &str) -> &'static str {
    crate::interned::id(id)
}

/// A short, safe rendering of untrusted link text for a message.
pub(crate) fn printable(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if clean.chars().count() < text.chars().count() {
        format!("{clean}…")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;

    fn zone(slug: &str) -> ZoneKey {
        ZoneKey::parse(slug, content()).expect("known zone")
    }

    #[test]
    fn a_zone_link_opens_that_zone() {
        let route = parse("#zone=left-heel", content()).unwrap();
        assert_eq!(
            route,
            Route::Zone(ZoneKey {
                side: Side::Left,
                zone: "heel"
            })
        );
    }

    #[test]
    fn an_empty_fragment_is_the_plain_map() {
        assert_eq!(parse("", content()), Ok(Route::Map));
        assert_eq!(parse("#", content()), Ok(Route::Map));
    }

    #[test]
    fn every_zone_link_round_trips() {
        for z in &content().zones {
            for side in Side::BOTH {
                let route = Route::Zone(ZoneKey { side, zone: &z.id });
                assert_eq!(parse(&fragment(route), content()), Ok(route));
            }
        }
    }

    #[test]
    fn routine_links_round_trip_and_unknown_ones_are_named() {
        assert_eq!(parse("#routines", content()), Ok(Route::Routines));
        for r in &content().routines {
            let route = Route::Routine(&r.id);
            assert_eq!(parse(&fragment(route), content()), Ok(route));
        }
        let err = parse("#routine=marathon", content()).unwrap_err();
        assert_eq!(err, LinkError::UnknownRoutine("marathon".into()));
        assert!(err.message().contains("marathon"));
    }

    #[test]
    fn page_and_benefit_links_round_trip() {
        for route in [
            Route::Benefits,
            Route::Evidence,
            Route::Safety,
            Route::Routines,
            Route::Map,
        ] {
            assert_eq!(parse(&fragment(route), content()), Ok(route));
        }
        for claim in &content().claims {
            let route = Route::Benefit(&claim.id);
            assert_eq!(parse(&fragment(route), content()), Ok(route));
        }
        let err = parse("#benefit=immortality", content()).unwrap_err();
        assert_eq!(err, LinkError::UnknownBenefit("immortality".into()));
        assert!(err.message().contains("immortality"));
    }

    #[test]
    fn own_routine_links_are_routes_that_saved_data_resolves() {
        assert_eq!(
            parse("#routine=my-abc1", content()),
            Ok(Route::Routine("my-abc1"))
        );
        assert_eq!(parse("#edit=my-abc1", content()), Ok(Route::Edit("my-abc1")));
        assert_eq!(
            parse(&fragment(Route::Edit("my-x")), content()),
            Ok(Route::Edit("my-x"))
        );
        // Not the shape of an own id: named as unknown, never interned.
        assert!(parse("#edit=relax-10", content()).is_err());
        assert!(parse("#routine=my-BAD", content()).is_err());
        assert!(std::ptr::eq(intern("my-q"), intern("my-q")));
    }

    #[test]
    fn share_links_are_read_before_other_routes() {
        let mut own = crate::own_routine::OwnRoutine::new("my-1", "Evening");
        let zone = &content().zones[0];
        own = own.reduce(crate::own_routine::EditAction::AddZone {
            side: Side::Left,
            zone,
        });
        let link = share::fragment(&own).unwrap();
        let (route, shared) = read(&format!("#{link}"), content()).unwrap();
        assert_eq!(route, Route::Shared);
        assert_eq!(shared.unwrap().steps, own.steps);
        let cut = &link[..link.len() - 2];
        let err = read(cut, content()).unwrap_err();
        assert!(matches!(err, LinkError::Share(_)));
        assert!(err.message().ends_with("Nothing was saved."));
        assert_eq!(read("#safety", content()), Ok((Route::Safety, None)));
    }

    #[test]
    fn unknown_zones_are_named_in_the_message() {
        let err = parse("#zone=nonsense", content()).unwrap_err();
        assert_eq!(err, LinkError::UnknownZone("nonsense".into()));
        assert!(err.message().contains("nonsense"));
        // A real zone without a side is not a zone on the map.
        assert!(parse("#zone=heel", content()).is_err());
        assert!(parse("#zone=middle-heel", content()).is_err());
    }

    #[test]
    fn over_long_and_garbage_fragments_are_refused_with_a_message() {
        let long = format!("#zone={}", "x".repeat(500));
        assert_eq!(parse(&long, content()), Err(LinkError::TooLong));
        let err = parse("#%00%ff<script>", content()).unwrap_err();
        assert!(matches!(err, LinkError::Unreadable(_)));
        assert!(!err.message().is_empty());
    }

    #[test]
    fn messages_quote_at_most_forty_characters_and_no_control_characters() {
        let err = parse(&format!("#zone=a\u{7}{}", "b".repeat(100)), content()).unwrap_err();
        let LinkError::UnknownZone(shown) = err else {
            panic!("unknown zone expected")
        };
        assert_eq!(shown.chars().count(), 41);
        assert!(shown.ends_with('…'));
        assert!(!shown.contains('\u{7}'));
    }

    #[test]
    fn moving_to_the_other_foot_or_leg_is_said_and_staying_is_not() {
        let said = |a, b| side_switch(zone(a), zone(b), content());
        assert_eq!(
            said("left-heel", "right-heel").as_deref(),
            Some("Now the right foot.")
        );
        assert_eq!(said("left-heel", "left-big-toe"), None);
        assert_eq!(
            said("left-heel", "left-calf-inner").as_deref(),
            Some("Now the left leg.")
        );
    }

    #[test]
    fn full_names_say_side_and_part() {
        assert_eq!(zone("right-heel").full_name(content()), "Right foot – heel");
        assert!(zone("left-calf-inner")
            .full_name(content())
            .starts_with("Left leg – "));
    }

    #[test]
    fn names_inside_a_sentence_are_lower_cased_in_english() {
        assert_eq!(key::ZONE_LOWER_CASE_NAMES.english, "yes");
        assert_eq!(name_in_sentence("Big toe"), "big toe");
        assert_eq!(name_in_sentence("Área"), "área");
        assert_eq!(name_in_sentence(""), "");
        let heel = &zone("left-heel").content(content()).name;
        assert!(zone("left-heel")
            .full_name(content())
            .ends_with(&name_in_sentence(heel)));
    }
}
