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

#[wasm_bindgen_test]
async fn the_app_lists_every_bundled_study_grouped_by_year() {
    let host = mount_app();
    leptos::task::tick().await;
    let (dataset, problems) = immunotimeline::data::Dataset::bundled();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(count(&host, ".study"), dataset.studies.len() as u32);
    assert!(count(&host, ".year-group") >= 2);
}

#[wasm_bindgen_test]
async fn typing_in_the_search_box_narrows_the_list_and_announces_the_count() {
    let host = mount_app();
    leptos::task::tick().await;
    let before = count(&host, ".study");
    type_into_search(&host, "TNF");
    leptos::task::tick().await;
    let after = count(&host, ".study");
    assert!(
        after >= 1 && after < before,
        "before {before}, after {after}"
    );
    assert!(
        host.query_selector(".study[data-id='kottke-2017-mrd-recurrence']")
            .expect("valid selector")
            .is_some()
    );
    let status = host
        .query_selector("[role=status]")
        .expect("valid selector")
        .expect("a live region")
        .text_content()
        .unwrap_or_default();
    assert!(status.contains(&format!("of {before}")), "status: {status}");
}
