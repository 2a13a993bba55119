//! Browser component tests: the real app mounted in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use immunotimeline::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app into its own container and returns the container.
fn mount_app() -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("tests run in a page");
    let host: HtmlElement = document
        .create_element("div")
        .expect("create a div")
        .unchecked_into();
    document
        .body()
        .expect("the page has a body")
        .append_child(&host)
        .expect("attach the container");
    leptos::mount::mount_to(host.clone(), App).forget();
    host
}

fn count(host: &HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector)
        .expect("valid selector")
        .length()
}

fn type_into_search(host: &HtmlElement, text: &str) {
    let input: HtmlInputElement = host
        .query_selector("input[type=search]")
        .expect("valid selector")
        .expect("the search box exists")
        .unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("create an input event");
    input.dispatch_event(&event).expect("dispatch input");
}

/// Waits until the browser has painted a frame and the app has taken up what follows the results
/// a frame later (the filters' and the overview's counts, `Ctx::tallies`).
async fn after_paint() {
    let painted = js_sys::Promise::new(&mut |done, _| {
        immunotimeline::platform::after_paint(move || {
            let _ = done.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
    leptos::task::tick().await;
}

/// Waits until the records' details have been fetched or given up on (here the test page has
/// no details file, so the app searches titles, labels, institutions and tags), so a search answers.
async fn details_settled(host: &HtmlElement) {
    leptos::task::tick().await;
    for _ in 0..200 {
        after_paint().await;
        let waiting = host
            .query_selector("main[data-indexing]")
            .expect("valid selector")
            .is_some();
        if !waiting {
            return;
        }
    }
    panic!("the app still waits for the records' details");
}

/// The number the live region announces ("All 80 studies", "3 of 80 studies").
fn announced(host: &HtmlElement) -> u32 {
    let text = host
        .query_selector(".result-count")
        .expect("valid selector")
        .expect("a result count")
        .text_content()
        .unwrap_or_default();
    text.split_whitespace()
        .find_map(|word| word.parse().ok())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn the_app_announces_every_bundled_study_and_draws_the_timeline() {
    let host = mount_app();
    leptos::task::tick().await;
    let (dataset, problems) = immunotimeline::data::Dataset::bundled();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(announced(&host), dataset.studies.len() as u32);
    assert!(count(&host, ".lane") >= 2, "the timeline has lanes");
    assert!(count(&host, ".marker, .cluster") >= 10);
}

#[wasm_bindgen_test]
async fn typing_in_the_search_box_narrows_the_results_and_announces_the_count() {
    let host = mount_app();
    details_settled(&host).await;
    let before = announced(&host);
    type_into_search(&host, "necroptosis");
    leptos::task::tick().await;
    let after = announced(&host);
    assert!(
        after >= 1 && after < before,
        "before {before}, after {after}"
    );
    let status = host
        .query_selector(".result-count")
        .expect("valid selector")
        .expect("a live region")
        .text_content()
        .unwrap_or_default();
    assert!(status.contains(&format!("of {before}")), "status: {status}");
    type_into_search(&host, "");
    leptos::task::tick().await;
}

/// Mounts a fresh app and opens its Filters panel (closed at this test page's width), so the
/// filter groups are built.
async fn mount_app_with_filters_open() -> HtmlElement {
    let host = mount_app();
    details_settled(&host).await;
    let details = host
        .query_selector("details.facets")
        .expect("valid selector")
        .expect("the Filters panel exists");
    details.set_attribute("open", "").expect("open the panel");
    let event = web_sys::Event::new("toggle").expect("create a toggle event");
    details.dispatch_event(&event).expect("dispatch toggle");
    leptos::task::tick().await;
    host
}

#[wasm_bindgen_test]
async fn a_facet_value_with_no_matches_is_hidden_and_comes_back_when_it_has_some() {
    let host = mount_app_with_filters_open().await;
    let shown = "#facet-approach li:not([hidden])";
    let at_first = count(&host, shown);
    assert!(at_first >= 5, "one row per approach, got {at_first}");

    type_into_search(&host, "necroptosis");
    leptos::task::tick().await;
    // The counts follow the results a frame later.
    assert_eq!(count(&host, shown), at_first, "not yet");
    after_paint().await;
    let list = host.query_selector_all(shown).expect("valid selector");
    for i in 0..list.length() {
        let row = list.item(i).expect("a row").unchecked_into::<HtmlElement>();
        let matches = row
            .query_selector(".count")
            .expect("valid selector")
            .and_then(|c| c.text_content())
            .unwrap_or_default();
        assert_ne!(matches, "0", "row {i} is shown with no matches");
    }
    assert!(
        list.length() < at_first,
        "\"necroptosis\" leaves some approaches without matches"
    );

    type_into_search(&host, "");
    leptos::task::tick().await;
    after_paint().await;
    assert_eq!(count(&host, shown), at_first);
}

/// The first approach's checkbox in the Filters panel.
fn first_approach_box(host: &HtmlElement) -> HtmlInputElement {
    host.query_selector("#facet-approach input[type=checkbox]")
        .expect("valid selector")
        .expect("an approach checkbox")
        .unchecked_into()
}

fn click(host: &HtmlElement, selector: &str) {
    host.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} exists"))
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn a_filter_checkbox_follows_the_view_however_it_changes() {
    let host = mount_app_with_filters_open().await;
    let all = announced(&host);

    first_approach_box(&host).click();
    leptos::task::tick().await;
    assert!(first_approach_box(&host).checked(), "checked by a click");
    let filtered = announced(&host);
    assert!(filtered < all, "the filter narrows {all} to {filtered}");

    // Typing changes the view but not the selection: the box stays checked.
    type_into_search(&host, "T");
    leptos::task::tick().await;
    after_paint().await;
    assert!(
        first_approach_box(&host).checked(),
        "still checked while typing"
    );

    // Cleared from elsewhere (the chips' "Clear all"), the box follows.
    click(&host, ".chips .clear-all");
    leptos::task::tick().await;
    after_paint().await;
    assert!(
        !first_approach_box(&host).checked(),
        "unchecked by Clear all"
    );
    assert_eq!(announced(&host), all);
}

#[wasm_bindgen_test]
fn the_panic_banner_offers_a_reload_and_appears_once() {
    immunotimeline::platform::show_panic_banner();
    immunotimeline::platform::show_panic_banner();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("tests run in a page");
    let banners = document
        .query_selector_all("#panic-banner")
        .expect("valid selector");
    assert_eq!(banners.length(), 1);
    let banner = document
        .get_element_by_id("panic-banner")
        .expect("the banner is shown");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let button = banner
        .query_selector("button")
        .expect("valid selector")
        .expect("a Reload button");
    assert_eq!(button.text_content().as_deref(), Some("Reload"));
    banner.remove();
}

#[wasm_bindgen_test]
async fn outcome_and_regulator_filters_list_present_values_and_narrow_to_their_count() {
    let host = mount_app_with_filters_open().await;
    let legends: Vec<String> = {
        let list = host
            .query_selector_all("fieldset.facet legend")
            .expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|legend| legend.text_content()))
            .collect()
    };
    assert_eq!(
        legends,
        [
            "Approach",
            "Cancer type",
            "Evidence stage",
            "Outcome",
            "Regulator",
            "Institution"
        ]
    );
    for group in ["#facet-outcome", "#facet-regulator"] {
        let counts = host
            .query_selector_all(&format!("{group} li:not([hidden]) .count"))
            .expect("valid selector");
        for i in 0..counts.length() {
            let text = counts.item(i).and_then(|c| c.text_content());
            assert_ne!(
                text.as_deref(),
                Some("0"),
                "{group} lists a value without records"
            );
        }
    }
    // Whatever the bundled records are: choosing the first outcome listed shows its count and
    // a chip for it.
    let Some(first) = host
        .query_selector("#facet-outcome li:not([hidden])")
        .expect("valid selector")
    else {
        return;
    };
    let expected: u32 = first
        .query_selector(".count")
        .expect("valid selector")
        .and_then(|c| c.text_content())
        .and_then(|text| text.parse().ok())
        .expect("a count");
    click(
        &host,
        "#facet-outcome li:not([hidden]) input[type=checkbox]",
    );
    leptos::task::tick().await;
    after_paint().await;
    assert_eq!(announced(&host), expected);
    let chips = host
        .query_selector(".chips")
        .expect("valid selector")
        .and_then(|chips| chips.text_content())
        .unwrap_or_default();
    assert!(chips.contains("Outcome: "), "chips: {chips}");
    click(&host, ".chips .clear-all");
    leptos::task::tick().await;
}
