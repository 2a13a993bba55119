//! Guided stories (`data/stories.toml`): a menu that lists them, and the panel of the step being
//! followed, with its connecting sentence, Previous / Next (and the ← → keys) and a way out.
//!
//! A story is part of the view's address (`story=`, `step=`), so a step can be shared, reloaded
//! and reached with Back and Forward. While a story is followed, the results are its records
//! (`Query::only`), the step's record is the selected one (its details show its date, summary
//! and sources), and the timeline marks the steps already taken.

use super::ctx;
use crate::app::{Ctx, History};
use crate::data::Story;
use crate::view_state::ViewState;
use leptos::prelude::*;

/// The story the view follows, as far as the app knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Followed {
    /// No story in the address.
    None,
    /// The stories come with the records' details, which are not in yet.
    Loading(String),
    /// No story has this id (or the details could not be loaded).
    Unknown(String),
    /// The story and the step shown (from 1, at most its length), and the step the address
    /// asked for when that was past the end.
    Known {
        story: Story,
        step: u32,
        asked: Option<u32>,
    },
}

/// What the address's `story=` and `step=` name, against the stories the app has.
pub fn followed(ctx: &Ctx) -> Followed {
    let Some(id) = ctx.state.with(|s| s.story.clone()) else {
        return Followed::None;
    };
    let asked = ctx.state.with(|s| s.step).unwrap_or(1);
    ctx.library.with(|l| match l.story(&id) {
        Some(story) => {
            let last = story.steps.len().max(1) as u32;
            Followed::Known {
                story: story.clone(),
                step: asked.min(last),
                asked: (asked > last).then_some(asked),
            }
        }
        None if *l.details() == crate::data::DetailsState::Loading => Followed::Loading(id),
        None => Followed::Unknown(id),
    })
}

/// The view that opens `story` at `step` (from 1): its records only (text, filters and the
/// zoom are cleared, so none is hidden); the panel shows the step's record.
pub fn at_step(state: &ViewState, story: &Story, step: u32) -> ViewState {
    let mut next = state.clone().cleared_filters();
    next.q.clear();
    next.zoom = None;
    next.story = Some(story.id.clone());
    next.step = Some(step);
    next.study = None;
    next
}

/// "Stories": the guided stories, each a link that opens its first step.
#[component]
pub fn StoriesMenu() -> impl IntoView {
    let ctx = ctx();
    let loading = Memo::new(move |_| {
        ctx.library
            .with(|l| *l.details() == crate::data::DetailsState::Loading)
    });
    let menu: NodeRef<leptos::html::Details> = NodeRef::new();
    view! {
        <details class="stories-menu" node_ref=menu>
            <summary class="button">"Stories"</summary>
            <div class="stories-list">
                <p class="stories-help">"Follow how an approach came about, one record at a time."</p>
                {move || loading.get().then(|| view! { <p>"The stories are loading…"</p> })}
                <ul>
                    {move || {
                        ctx.library
                            .with(|l| l.stories().to_vec())
                            .into_iter()
                            .map(|story| story_link(&ctx, story, menu))
                            .collect::<Vec<AnyView>>()
                    }}
                </ul>
            </div>
        </details>
    }
}

/// One story in the menu: its title, a link that opens its first step, and what it follows.
fn story_link(ctx: &Ctx, story: Story, menu: NodeRef<leptos::html::Details>) -> AnyView {
    let ctx = ctx.clone();
    let href = crate::app::href(&ctx.state.with_untracked(|s| at_step(s, &story, 1)));
    let steps = format!("{} steps", story.steps.len());
    let title = story.title.clone();
    let summary = story.summary.clone();
    let on_click = move |ev: web_sys::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        let next = ctx.state.with_untracked(|s| at_step(s, &story, 1));
        ctx.go(next, History::Push);
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
    };
    view! {
        <li>
            <a href=href on:click=on_click>{title}</a>
            <p>{summary} " " <span class="stories-steps">{steps}</span></p>
        </li>
    }
    .into_any()
}

/// The step being followed: where it is in its story, its connecting sentence, and the way on.
#[component]
pub fn StoryPanel() -> impl IntoView {
    let ctx = ctx();
    let current = {
        let ctx = ctx.clone();
        Memo::new(move |_| followed(&ctx))
    };
    let go_to = {
        let ctx = ctx.clone();
        move |step: u32| {
            if let Followed::Known { story, .. } = current.get_untracked() {
                let next = ctx.state.with_untracked(|s| at_step(s, &story, step));
                ctx.go(next, History::Push);
            }
        }
    };
    let close = {
        let ctx = ctx.clone();
        move || {
            ctx.update(History::Push, |s| {
                s.story = None;
                s.step = None;
            })
        }
    };
    // ← and → step through the story, unless the keys are someone else's: a text field's, or
    // the timeline's (which pans with them) while it has focus.
    let keys = {
        let go_to = go_to.clone();
        window_event_listener(leptos::ev::keydown, move |ev| {
            let Followed::Known { story, step, .. } = current.get_untracked() else {
                return;
            };
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
                return;
            }
            if crate::platform::keys_are_taken(&ev) {
                return;
            }
            let next = match ev.key().as_str() {
                "ArrowLeft" if step > 1 => step - 1,
                "ArrowRight" if (step as usize) < story.steps.len() => step + 1,
                _ => return,
            };
            ev.prevent_default();
            go_to(next);
        })
    };
    on_cleanup(move || keys.remove());
    // The timeline marks the steps already taken, after each change is painted (and clears
    // the marks once, when the story closes; without a story there is nothing to do).
    Effect::new(move |marked: Option<bool>| {
        let (past, now) = match current.get() {
            Followed::Known { story, step, .. } => {
                let (past, now) = story.steps.split_at(step as usize - 1);
                (
                    past.iter().map(|s| s.record.clone()).collect(),
                    now.first().map(|s| s.record.clone()),
                )
            }
            _ => (Vec::new(), None),
        };
        ctx.results.track();
        let marking = now.is_some();
        if marking || marked == Some(true) {
            crate::platform::after_paint(move || {
                crate::platform::mark_story_path(&past, now.as_deref());
            });
        }
        marking
    });
    on_cleanup(|| crate::platform::mark_story_path(&[], None));
    let ctx = ctx.clone();
    move || match current.get() {
        Followed::None => None,
        Followed::Loading(_) => Some(
            view! {
                <section class="story" aria-label="Story">
                    <p class="story-kicker">"Loading the story…"</p>
                </section>
            }
            .into_any(),
        ),
        Followed::Unknown(id) => {
            let close = close.clone();
            Some(
                view! {
                    <div class="notice" role="status">
                        <p class="notice-title">{format!("There is no story “{id}”.")}</p>
                        <p>"The stories there are are listed under “Stories”."</p>
                        <button type="button" class="button" on:click=move |_| close()>"Dismiss"</button>
                    </div>
                }
                .into_any(),
            )
        }
        Followed::Known { story, step, asked } => {
            let count = story.steps.len() as u32;
            let this = &story.steps[step as usize - 1];
            let text = this.text.clone();
            let record = step_record(&ctx, &this.record);
            let past_end = asked.map(|asked| {
                format!("The link named step {asked}; this story has {count} steps, so this is the last.")
            });
            let (previous, next, close) = (go_to.clone(), go_to.clone(), close.clone());
            Some(
                view! {
                    <section class="story" aria-labelledby="story-title">
                        <p class="story-kicker">{format!("Story · step {step} of {count}")}</p>
                        <h2 id="story-title">{story.title.clone()}</h2>
                        {past_end.map(|why| view! { <p class="story-note" role="status">{why}</p> })}
                        <p class="story-text" aria-live="polite">{text}</p>
                        <div class="story-nav">
                            <button type="button" class="button" disabled={step <= 1} on:click=move |_| previous(step - 1)>
                                "← Previous"
                            </button>
                            <button type="button" class="button primary" disabled={step >= count} on:click=move |_| next(step + 1)>
                                "Next →"
                            </button>
                            <button type="button" class="button" on:click=move |_| close()>"Close the story"</button>
                        </div>
                        {record}
                    </section>
                }
                .into_any(),
            )
        }
    }
}

/// The step's record as the story shows it: title (opening its full details), date and stage,
/// summary and sources.
fn step_record(ctx: &Ctx, id: &str) -> Option<AnyView> {
    let data = ctx.data();
    let study = data.dataset.get(id)?;
    let href = ctx.study_href(id);
    let on_click = super::select_on_click(ctx, id.to_owned());
    let mut facts = vec![
        study
            .date
            .map_or_else(|| "Undated".to_owned(), |d| d.human()),
        study.stage.label().to_owned(),
    ];
    if let Some(outcome) = study.outcome {
        facts.push(format!("{} {}", outcome.mark(), outcome.label()));
    }
    let sources = super::detail::source_items(study);
    Some(
        view! {
            <div class="story-record" data-id=id.to_owned()>
                <h3><a href=href on:click=on_click>{study.shown_title().to_owned()}</a></h3>
                <p class="story-facts">{facts.join(" · ")}</p>
                <p class="story-summary">{study.summary.clone()}</p>
                <p class="story-sources-title">"Sources"</p>
                <ul class="story-sources">{sources}</ul>
            </div>
        }
        .into_any(),
    )
}
