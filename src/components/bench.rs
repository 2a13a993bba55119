//! "Bench to bedside": per approach, the first basic discovery, first preclinical result, first
//! human study and first approval among the matching records, with the years between them.

use super::ctx;
use crate::data::{Approach, Stage, Study};
use leptos::prelude::*;

/// The four steps from lab to clinic, each a set of evidence stages.
const STEPS: [(&str, &[Stage]); 4] = [
    ("Basic discovery", &[Stage::BasicDiscovery]),
    ("Preclinical", &[Stage::InVitro, Stage::Preclinical]),
    (
        "First in humans",
        &[Stage::Clinical, Stage::Phase1, Stage::Phase2, Stage::Phase3],
    ),
    ("Approval", &[Stage::Approval]),
];

/// For each approach with any step, the earliest dated record of each step (by index).
pub fn firsts(studies: &[Study], hits: &[u32]) -> Vec<(Approach, [Option<usize>; 4])> {
    let mut table: Vec<(Approach, [Option<usize>; 4])> =
        Approach::ALL.iter().map(|&a| (a, [None; 4])).collect();
    for &hit in hits {
        let study = &studies[hit as usize];
        let Some(date) = study.date else { continue };
        let Some(step) = STEPS
            .iter()
            .position(|(_, stages)| stages.contains(&study.stage))
        else {
            continue;
        };
        for approach in &study.approaches {
            let slot = &mut table[*approach as usize].1[step];
            let earlier = slot.is_none_or(|i| studies[i].date.is_some_and(|d| date < d));
            if earlier {
                *slot = Some(hit as usize);
            }
        }
    }
    table.retain(|(a, steps)| {
        !matches!(
            a,
            Approach::Recognition
                | Approach::BasicDiscovery
                | Approach::ResearchTool
                | Approach::Other
        ) && steps.iter().filter(|s| s.is_some()).count() >= 2
    });
    table
}

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
    view! {
        <section class="bench" aria-labelledby="bench-title">
            <h2 id="bench-title">"From lab bench to bedside"</h2>
            <p class="bench-help">
                "For each approach with at least two steps among the matching records: the earliest record of each step, and the years from one step to the next."
            </p>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Approach"</th>
                            {STEPS.iter().map(|(label, _)| view! { <th scope="col">{*label}</th> }).collect_view()}
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
                                    let year = |i: Option<usize>| i.and_then(|i| studies[i].date).map(|d| d.year);
                                    let first_year = steps.iter().find_map(|&s| year(s));
                                    let total = match (first_year, year(steps[3])) {
                                        (Some(a), Some(b)) => format!("{} years", b - a),
                                        _ => "—".to_owned(),
                                    };
                                    let mut previous: Option<i32> = None;
                                    let cells = steps
                                        .iter()
                                        .map(|&step| {
                                            let cell = step.map(|i| {
                                                let study = &studies[i];
                                                let y = study.date.map(|d| d.year).unwrap_or_default();
                                                let gap = previous.map(|p| format!("+{} y", y - p));
                                                previous = Some(y);
                                                let href = ctx.study_href(&study.id);
                                                let on_click = super::select_on_click(&ctx, study.id.clone());
                                                view! {
                                                    <a href=href on:click=on_click>
                                                        <strong>{y}</strong>" "{study.title.clone()}
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
