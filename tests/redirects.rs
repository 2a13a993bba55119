//! A link to a retired or merged record lands on its successor and says it moved (the ledger and
//! the `[[redirect]]` tables in data/ are checked in tests/dataset.rs).

use immunotimeline::data::{Dataset, Redirect};
use immunotimeline::library::Library;
use immunotimeline::view_state::{Param, check_against, follow_redirect, parse};

fn library() -> Library {
    let studies = immunotimeline::synthetic::generate(20, 3);
    let kept = studies[0].id.clone();
    let mut dataset = Dataset::new("test".into(), studies.clone());
    dataset.redirects = vec![
        Redirect {
            from: "old-record-2015".into(),
            to: kept.clone(),
            reason: "merged with the approval record".into(),
        },
        // A redirect never hides a record that has the id.
        Redirect {
            from: studies[1].id.clone(),
            to: kept,
            reason: "never used".into(),
        },
    ];
    Library::new(dataset, None, Vec::new())
}

#[test]
fn an_old_link_opens_the_successor_and_says_it_moved() {
    let library = library();
    let successor = library.redirect("old-record-2015").expect("redirected").0;
    let (mut state, problems) = parse("study=old-record-2015&q=x");
    assert!(problems.is_empty());
    let moved = follow_redirect(&mut state, |id| library.redirect(id));
    assert!(check_against(&mut state, |id| library.has_id(id)).is_empty());
    assert_eq!(state.study.as_deref(), Some(successor.as_str()));
    assert_eq!(state.q, "x", "the rest of the view is kept");
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].param(), Some(Param::Study));
    assert_eq!(
        moved[0].message(),
        format!(
            "The record `old-record-2015` has moved: it is now `{successor}` (merged with the approval record). Showing that record"
        )
    );
}

#[test]
fn a_live_id_and_an_unknown_id_are_not_redirected() {
    let library = library();
    let live = library.catalog(None).dataset.studies[1].id.clone();
    let (mut state, _) = parse(&format!("study={live}"));
    assert!(follow_redirect(&mut state, |id| library.redirect(id)).is_empty());
    assert_eq!(state.study.as_deref(), Some(live.as_str()));

    let (mut state, _) = parse("study=no-such-record-2020");
    assert!(follow_redirect(&mut state, |id| library.redirect(id)).is_empty());
    assert_eq!(check_against(&mut state, |id| library.has_id(id)).len(), 1);
    assert_eq!(state.study, None);
}
