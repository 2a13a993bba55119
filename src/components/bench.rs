//! "Bench to bedside": the table of `crate::bedside` — per approach, the first basic discovery,
//! first preclinical result, first human study and first approval among the matching records,
//! with how far apart they are in words.

use super::ctx;
use super::image::image_download;
use crate::bedside::{STEPS, firsts, row_words};
use crate::exchange::picture::{Body, describe};
use leptos::prelude::*;

#[component]
pub fn BenchView() -> impl IntoView {
    let ctx = ctx();
    let rows = {
        let ctx = ctx.clone();
        move || {
            ctx.results
                .with(|r| firsts(&ctx.data().dataset.studies, &r.hits))
        }
    };
    // The table as shown now, for "Download image".
    let picture = {
        let ctx = ctx.clone();
        move || {
            let data = ctx.catalog.get_untracked();
            let studies = &data.dataset.studies;
            let rows = ctx.results.with_untracked(|r| firsts(studies, &r.hits));
            Body::Bedside(describe::bedside(studies, &rows))
        }
    };
    view! {
        <section class="bench" aria-labelledby="bench-title">
            <h2 id="bench-title">"From lab bench to bedside"</h2>
            <p class="bench-help">
                "For each approach with at least two steps among the matching records: the earliest record of each step, and how long after (or before) the step to its left it came."
            </p>
            {image_download("bench-to-bedside", std::sync::Arc::new(picture))}
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Approach"</th>
                            {STEPS.iter().map(|step| view! { <th scope="col">{step.heading}</th> }).collect_view()}
                            <th scope="col">"Lab to approval"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let ctx = ctx.clone();
                            rows()
                                .into_iter()
                                .map(|(approach, steps)| {
                                    let studies = &ctx.data().dataset.studies;
                                    let years = steps.map(|s| s.and_then(|i| studies[i].date).map(|d| d.year));
                                    let (gaps, total) = row_words(years);
                                    let cells = steps
                                        .iter()
                                        .zip(gaps)
                                        .map(|(&step, gap)| {
                                            let cell = step.map(|i| {
                                                let study = &studies[i];
                                                let y = study.date.map(|d| d.year).unwrap_or_default();
                                                let href = ctx.study_href(&study.id);
                                                let on_click = super::select_on_click(&ctx, study.id.clone());
                                                view! {
                                                    <a href=href on:click=on_click>
                                                        <strong>{y}</strong>" "{study.short_label()}
                                                    </a>
                                                    {gap.map(|g| view! { <span class="gap">{g}</span> })}
                                                }
                                            });
                                            view! { <td>{cell.map(IntoAny::into_any).unwrap_or_else(|| "—".into_any())}</td> }
                                        })
                                        .collect_view();
                                    view! {
                                        <tr>
                                            <th scope="row">{approach.label()}</th>
                                            {cells}
                                            <td>{total}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
