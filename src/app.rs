//! The application shell: builds the data and the index once, and lays out the page.

use crate::components::{search_box::SearchBox, study_list::StudyList};
use crate::data::{Dataset, Problem};
use crate::search::{Query, SearchIndex};
use leptos::prelude::*;
use std::sync::Arc;

/// Everything built once at start-up and shared read-only by every component.
#[derive(Debug)]
pub struct AppData {
    pub dataset: Dataset,
    pub index: SearchIndex,
    /// Problems found while loading (shown to the user, never fatal).
    pub problems: Vec<Problem>,
}

impl AppData {
    /// Decodes the bundled records and indexes them.
    pub fn load() -> Self {
        let (dataset, problems) = Dataset::bundled();
        let index = SearchIndex::build(&dataset.studies);
        Self {
            dataset,
            index,
            problems,
        }
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    crate::platform::install_panic_banner();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let data = Arc::new(AppData::load());
    provide_context(data.clone());
    let (text, set_text) = signal(String::new());
    let hits = {
        let data = data.clone();
        Memo::new(move |_| {
            let query = Query {
                text: text.get(),
                ..Query::default()
            };
            data.index.search(&query).hits
        })
    };
    let total = data.dataset.studies.len();
    let load_problems = data.problems.clone();

    view! {
        <a class="skip-link" href="#results">"Skip to results"</a>
        <header class="site-header">
            <h1>"Cancer immunotherapy timeline"</h1>
            <p class="tagline">
                "From Coley's toxins to CAR-T: studies, approvals and discoveries, each with its sources."
            </p>
        </header>
        <main id="main">
            {(!load_problems.is_empty()).then(|| view! {
                <div class="notice notice-error" role="alert">
                    <p>"Some data could not be loaded:"</p>
                    <ul>{load_problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                </div>
            })}
            <SearchBox text=text set_text=set_text />
            <p class="result-count" role="status" aria-live="polite">
                {move || count_sentence(hits.with(Vec::len), total)}
            </p>
            <StudyList hits=hits />
        </main>
    }
}

/// "12 of 84 studies", "All 84 studies", "No studies match".
pub fn count_sentence(shown: usize, total: usize) -> String {
    match shown {
        0 => "No studies match".to_owned(),
        n if n == total => format!("All {total} studies"),
        1 => format!("1 of {total} studies"),
        n => format!("{n} of {total} studies"),
    }
}
