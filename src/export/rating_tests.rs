//! Tests of ratings in export files: carried, limited, merged.

use super::*;
use crate::settings::Measure;
use crate::store::tests::sample;
use crate::store::Rating;

fn rated(measure: Measure, before: Option<u8>, after: Option<u8>) -> Option<Rating> {
    Some(Rating {
        measure,
        before,
        after,
    })
}

#[test]
fn an_export_carries_the_ratings_and_an_import_completes_them() {
    let here = sample(); // relax-10 rated 6 then 3; my-a unrated
    let mut there = sample();
    there.history[0].rating = rated(Measure::FootPain, Some(9), None);
    there.history[1].rating = rated(Measure::FootPain, Some(5), Some(2));
    let text = export(&there, 5);
    assert!(text.contains(r#""before":5,"after":2"#));
    let file = read(&text).unwrap();
    assert_eq!(file.data, there);
    let p = plan(&here, &file);
    assert_eq!(p.rated_sessions, 1);
    assert_eq!(p.new_sessions, 0);
    assert!(p
        .describe()
        .contains(&"Adds the file's ratings to 1 session already here.".to_string()));
    let merged = merge(here.clone(), &file);
    assert_eq!(
        merged.history[0].rating, here.history[0].rating,
        "ratings here are kept"
    );
    assert_eq!(
        merged.history[1].rating, there.history[1].rating,
        "taken where none"
    );
    assert!(plan(&merged, &file).is_empty(), "a second import adds nothing");
}

#[test]
fn a_rating_above_10_refuses_the_file_naming_the_limit() {
    let file = |version: u64, rating: &str| {
        format!(
            r#"{{"format":"foot-map","version":{version},"history":[
            {{"start":1,"offset":0,"routine":"quick-3","seconds":60,"finished":true}},
            {{"start":2,"offset":0,"routine":"quick-3","seconds":60,"finished":true,"measure":"tension",{rating}}}]}}"#
        )
    };
    let error = read(&file(2, r#""after":12"#)).unwrap_err();
    assert_eq!(error, ImportError::OverLimit(Limit::Rating { session: 2 }));
    assert_eq!(
        error.message(),
        "History entry 2 in the file has a rating above 10; ratings go from 0 to 10. Nothing was changed."
    );
    assert!(read(&file(2, r#""before":10"#)).is_ok());
    assert!(matches!(
        read(&file(2, r#""before":"ten""#)),
        Err(ImportError::Damaged { sessions: 1, .. })
    ));
    // A version-1 file had no ratings: such a field is ignored, as before.
    let v1 = read(&file(1, r#""after":12"#)).unwrap();
    assert!(v1.data.history.iter().all(|s| s.rating.is_none()));
}
