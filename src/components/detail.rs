//! The detail panel for the selected study: every field, its sources and verification status,
//! identifier links, lineage links ("builds on" / "built upon by") and a citation.

use super::ctx;
use crate::app::{Ctx, History};
use crate::data::validate::{is_http_url, mirror};
use crate::data::{DetailsState, Status, Study};
use leptos::prelude::*;

#[component]
pub fn DetailPanel() -> impl IntoView {
    let ctx = ctx();
    let selected = {
        let ctx = ctx.clone();
        Memo::new(move |_| {
            ctx.state
                .with(|s| s.study.clone())
                .and_then(|id| ctx.data().dataset.index_of(&id))
        })
    };
    let heading: NodeRef<leptos::html::H2> = NodeRef::new();
    Effect::new(move |_| {
        if let (Some(_), Some(h)) = (selected.get(), heading.get()) {
            let _ = h.focus();
        }
    });
    let close = {
        let ctx = ctx.clone();
        move || ctx.update(History::Push, |s| s.study = None)
    };
    let on_key = {
        let close = close.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Escape" {
                close();
            }
        }
    };
    view! {
        {move || {
            let ctx = ctx.clone();
            let close = close.clone();
            selected.get().map(|index| {
                let study = ctx.data().dataset.studies[index].clone();
                view! {
                    <aside class="detail" aria-labelledby="detail-title" on:keydown=on_key.clone()>
                        <div class="detail-head">
                            <h2 id="detail-title" tabindex="-1" node_ref=heading>{study.shown_title().to_owned()}</h2>
                            <button type="button" class="button" on:click=move |_| close()>"Close"</button>
                        </div>
                        <DetailBody ctx=ctx.clone() index=index study=study />
                    </aside>
                }
            })
        }}
    }
}

fn badge(study: &Study, field: &str) -> Option<AnyView> {
    study
        .field_status
        .get(field)
        .filter(|s| **s != study.status)
        .map(|s| {
            view! { <span class=format!("badge status-{}", s.slug())>{s.label()}</span> }.into_any()
        })
}

fn row(label: &'static str, value: String, badge: Option<AnyView>) -> Option<AnyView> {
    (!value.is_empty()).then(|| {
        view! {
            <div class="field">
                <dt>{label}</dt>
                <dd>{value} {badge}</dd>
            </div>
        }
        .into_any()
    })
}

/// A link only to an http(s) page that is not a mirror (validation refuses mirrors already; this
/// keeps the promise for anything that slips past it).
fn external_link(label: String, url: String) -> AnyView {
    if is_http_url(&url) && mirror(&url).is_none() {
        view! { <a href=url target="_blank" rel="noopener noreferrer">{label}</a> }.into_any()
    } else {
        label.into_any()
    }
}

/// A record's sources as list items: each a link where it has a canonical address.
pub fn source_items(study: &Study) -> Vec<AnyView> {
    study
        .sources
        .iter()
        .map(|s| {
            let item = match &s.url {
                Some(url) => external_link(s.label.clone(), url.clone()),
                None => s.label.clone().into_any(),
            };
            view! { <li>{item}</li> }.into_any()
        })
        .collect()
}

/// A citation in a common style, from what the record has.
pub fn citation(study: &Study) -> String {
    let year = study
        .date
        .map(|d| d.year.to_string())
        .unwrap_or_else(|| "n.d.".into());
    match &study.publication {
        Some(p) => {
            let mut parts = Vec::new();
            if !p.authors.is_empty() {
                parts.push(p.authors.join(", "));
            }
            parts.push(format!("({year})."));
            parts.push(format!(
                "{}.",
                p.title
                    .clone()
                    .unwrap_or_else(|| study.shown_title().to_owned())
            ));
            if let Some(journal) = &p.journal {
                parts.push(format!(
                    "{journal}{}.",
                    p.citation
                        .as_ref()
                        .map(|c| format!(" {c}"))
                        .unwrap_or_default()
                ));
            }
            if let Some(doi) = &p.doi {
                parts.push(format!("https://doi.org/{doi}"));
            }
            parts.join(" ")
        }
        None => match &study.news {
            Some(n) => format!("{}. “{}” ({year}).", n.outlet, n.headline),
            None => format!("{} ({year}).", study.shown_title()),
        },
    }
}

#[component]
fn DetailBody(ctx: Ctx, index: usize, study: Study) -> impl IntoView {
    let date = match (study.date, study.end_date) {
        (Some(d), Some(e)) => format!("{} – {}", d.human(), e.human()),
        (Some(d), None) => d.human(),
        _ => "Undated".to_owned(),
    };
    let date = if study.circa {
        format!("c. {date}")
    } else {
        date
    };
    let list = |items: &[String]| items.join(", ");
    let link_to = |target: &Study| {
        let href = ctx.study_href(&target.id);
        let on_click = super::select_on_click(&ctx, target.id.clone());
        let year = target
            .date
            .map(|d| format!(" ({})", d.year))
            .unwrap_or_default();
        view! { <li><a href=href on:click=on_click>{target.shown_title().to_owned()}</a>{year}</li> }
    };
    let data = ctx.data();
    let builds_on: Vec<_> = study
        .builds_on
        .iter()
        .filter_map(|id| data.dataset.get(id))
        .map(link_to)
        .collect();
    let built_upon: Vec<_> = data
        .dataset
        .built_upon_by(index)
        .iter()
        .map(|&i| link_to(&data.dataset.studies[i]))
        .collect();
    let p = study.publication.clone().unwrap_or_default();
    let ids: Vec<AnyView> = study
        .identifier_links()
        .into_iter()
        .map(|(label, url)| view! { <li>{external_link(label, url)}</li> }.into_any())
        .collect();
    let trials = study
        .trials
        .iter()
        .map(|t| match (&t.name, &t.nct) {
            (Some(name), Some(nct)) => format!("{name} ({nct})"),
            (Some(name), None) => name.clone(),
            (None, Some(nct)) => nct.clone(),
            (None, None) => String::new(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let stage = study.stage_words();
    let sources = source_items(&study);
    let news = study.news.clone().map(|n| {
        let when = n
            .date
            .map(|d| format!(", {}", d.human()))
            .unwrap_or_default();
        let by = n.author.map(|a| format!(" by {a}")).unwrap_or_default();
        let headline = match n.url {
            Some(url) => external_link(format!("“{}”", n.headline), url),
            None => format!("“{}”", n.headline).into_any(),
        };
        view! { <p class="news">"Reported by " {n.outlet} ": " {headline} {by} {when}</p> }
    });
    // A bundled record's summary, sources and notes come a moment after the app starts.
    let details_pending = (!data.is_imported(index))
        .then(|| ctx.library.with_untracked(|l| l.details().clone()))
        .and_then(|details| match details {
            DetailsState::Complete => None,
            DetailsState::Loading => Some("Loading the summary, sources and notes…".to_owned()),
            DetailsState::Failed(why) => Some(format!(
                "The summary, sources and notes could not be loaded: {why}."
            )),
        });
    let status_class = format!("badge status-{}", study.status.slug());
    let cite = citation(&study);
    view! {
        <p class="detail-status">
            <span class=status_class>{study.status.label()}</span>
            {(study.scope != crate::data::Scope::CancerImmunotherapy).then(|| view! { <span class="badge">{study.scope.label()}</span> })}
            {study.outcome.map(|o| view! { <span class=format!("badge outcome outcome-{}", o.slug())>{o.mark()} " " {o.label()}</span> })}
            {study.milestone.then(|| view! { <span class="badge milestone-badge">"Milestone"</span> })}
            {data.is_imported(index).then(|| view! { <span class="badge">"Imported by you"</span> })}
        </p>
        {details_pending.map(|why| view! { <p class="detail-pending" role="status">{why}</p> })}
        <p class="detail-summary">{study.summary.clone()}</p>
        {study.note.clone().map(|n| view! { <p class="detail-note"><strong>"Note: "</strong>{n}</p> })}
        <dl class="fields">
            {row("Date", date, badge(&study, "date"))}
            {row("Stage", stage, badge(&study, "stage"))}
            {row("Outcome", study.outcome.map(|o| o.label().to_owned()).unwrap_or_default(), badge(&study, "outcome"))}
            {row("Regulator", study.regulator.map(|r| r.label().to_owned()).unwrap_or_default(), badge(&study, "regulator"))}
            {row("Trials", trials, badge(&study, "trials"))}
            {row("Approach", study.approaches.iter().map(|a| a.label()).collect::<Vec<_>>().join(", "), badge(&study, "approaches"))}
            {row("Cancer types", study.cancer_types.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "), badge(&study, "cancer_types"))}
            {row("Targets", list(&study.targets), badge(&study, "targets"))}
            {row("Drugs", list(&study.drugs), badge(&study, "drugs"))}
            {row("Institutions", list(&study.institutions), badge(&study, "institutions"))}
            {row("People", list(&study.people), badge(&study, "people"))}
            {row("Journal", p.journal.clone().unwrap_or_default(), badge(&study, "publication.journal"))}
            {row("Paper", p.title.clone().unwrap_or_default(), badge(&study, "publication.title"))}
            {row("Citation", p.citation.clone().unwrap_or_default(), badge(&study, "publication.citation"))}
            {row("Authors", list(&p.authors), badge(&study, "publication.authors"))}
        </dl>
        {(!ids.is_empty()).then(|| view! { <ul class="ids">{ids}</ul> })}
        {news}
        <h3>"Sources"</h3>
        <ul class="sources">{sources}</ul>
        {(!builds_on.is_empty()).then(|| view! { <h3>"Builds on"</h3><ul class="lineage">{builds_on}</ul> })}
        {(!built_upon.is_empty()).then(|| view! { <h3>"Built upon by"</h3><ul class="lineage">{built_upon}</ul> })}
        <h3>"Cite"</h3>
        <p class="citation">{cite}</p>
        {(study.status != Status::Verified).then(|| view! {
            <p class="detail-caveat">"Parts of this record are not independently verified; see the badges and sources."</p>
        })}
    }
}
