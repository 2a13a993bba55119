//! The matching studies as a vertical timeline, grouped by year.

use crate::app::AppData;
use crate::data::Study;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn StudyList(hits: Memo<Vec<u32>>) -> impl IntoView {
    let data = expect_context::<Arc<AppData>>();
    let groups = move || {
        hits.with(|hits| group_by_year(hits.iter().map(|&i| &data.dataset.studies[i as usize])))
    };
    view! {
        <ol id="results" class="year-list" aria-label="Studies by year">
            {move || {
                groups()
                    .into_iter()
                    .map(|(year, studies)| {
                        let heading = year.map_or_else(|| "Undated".to_owned(), |y| y.to_string());
                        view! {
                            <li class="year-group">
                                <h2 class="year">{heading}</h2>
                                <ul class="studies">
                                    {studies.into_iter().map(|s| view! { <StudyCard study=s /> }).collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}

#[component]
fn StudyCard(study: Study) -> impl IntoView {
    let date = study.date.map(|d| d.human()).unwrap_or_default();
    let approaches = study
        .approaches
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="study" class:milestone=study.milestone data-id=study.id.clone()>
            <article>
                <h3 class="study-title">{study.title.clone()}</h3>
                <p class="study-meta">
                    <time>{date}</time>
                    " · "
                    <span>{study.stage.label()}</span>
                    " · "
                    <span>{approaches}</span>
                </p>
                <p class="study-summary">{study.summary.clone()}</p>
            </article>
        </li>
    }
}

/// Groups records (already in display order) into runs of the same year; undated records last.
fn group_by_year<'a>(studies: impl Iterator<Item = &'a Study>) -> Vec<(Option<i32>, Vec<Study>)> {
    let mut groups: Vec<(Option<i32>, Vec<Study>)> = Vec::new();
    for study in studies {
        let year = study.date.map(|d| d.year);
        match groups.last_mut() {
            Some((last, items)) if *last == year => items.push(study.clone()),
            _ => groups.push((year, vec![study.clone()])),
        }
    }
    groups
}
