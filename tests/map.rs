//! The drawings: zones tile each view without gaps or overlaps, and every
//! zone has a visible place inside the outline.

use foot_map::content::View;
use foot_map::map::{self, geometry};

#[test]
fn outlines_are_single_closed_shapes_the_app_can_read() {
    for view in View::ALL {
        let art = map::art(view);
        let shapes = geometry::flatten(art.outline, 8).expect("outline uses M, L, C and Z only");
        assert_eq!(shapes.len(), 1, "{view:?} outline is one shape");
        assert!(shapes[0].len() > 20, "{view:?} outline is drawn with curves");
    }
}

#[test]
fn regions_tile_each_view_without_gaps_or_overlaps() {
    for view in View::ALL {
        let art = map::art(view);
        let n = 160;
        for i in 0..n {
            for j in 0..n {
                // Sample cell centres, nudged off any round-number edge.
                let p = (
                    (i as f32 + 0.5) / n as f32 * art.width + 0.013,
                    (j as f32 + 0.5) / n as f32 * art.height + 0.007,
                );
                let owners: Vec<&str> = art
                    .regions
                    .iter()
                    .filter(|r| geometry::contains(r.points, p))
                    .map(|r| r.zone)
                    .collect();
                assert_eq!(owners.len(), 1, "{view:?} point {p:?} lies in {owners:?}");
            }
        }
    }
}

#[test]
fn every_zone_shows_inside_the_outline_at_its_anchor() {
    for view in View::ALL {
        let art = map::art(view);
        let outline = &geometry::flatten(art.outline, 16).unwrap()[0];
        for region in art.regions {
            assert!(
                geometry::contains(region.points, region.anchor),
                "{view:?} {} anchor is in its region",
                region.zone
            );
            assert!(
                geometry::contains(outline, region.anchor),
                "{view:?} {} anchor is inside the foot",
                region.zone
            );
        }
    }
}

#[test]
fn the_right_foot_points_the_way_the_views_promise() {
    // Soles and tops: toes up, big toe on the left. Inner side: toes left;
    // outer side: toes right. The left foot is the mirror image.
    let anchor = |view, zone| {
        map::art(view)
            .regions
            .iter()
            .find(|r| r.zone == zone)
            .unwrap()
            .anchor
    };
    assert!(anchor(View::Sole, "big-toe").1 < anchor(View::Sole, "heel").1);
    assert!(anchor(View::Sole, "big-toe").0 < anchor(View::Sole, "little-toe").0);
    assert!(anchor(View::Top, "toe-tops").1 < anchor(View::Top, "ankle-front").1);
    assert!(anchor(View::Inner, "inner-edge").0 < anchor(View::Inner, "achilles").0);
    assert!(anchor(View::Outer, "outer-edge").0 > anchor(View::Outer, "outer-heel").0);
    assert!(anchor(View::Inner, "calf-inner").1 < anchor(View::Inner, "inner-heel").1);
}
