//! The results as a list grouped by year, in the WAI-ARIA feed pattern, virtualised: only the
//! rows near the viewport exist in the DOM, so it stays smooth at 100k records.
//!
//! Every row has a fixed height (cards clamp their text), so row positions are prefix sums and
//! the visible window is found by binary search on scroll.

use super::ctx;
use super::marked::{marked, ranges_for};
use crate::data::Study;
use crate::number::{self, decimal, px};
use crate::platform;
use crate::search::{Field, Highlighter, Sort};
use leptos::prelude::*;

/// Rows drawn beyond each edge of the viewport, in pixels: enough for smooth scrolling (rows
/// are added once a frame), few enough that a keystroke rebuilds little.
const OVERSCAN: f64 = 300.0;
/// How far down the feed is always drawn, wherever the viewport is.
const FIRST_ROWS_PX: f64 = 600.0;
const YEAR_ROW: f64 = 44.0;

/// How tall a card is drawn, estimated from its text so short summaries leave no empty band.
/// Lengths are in bytes (constant time per card, so a keystroke over 100k hits stays cheap) and
/// character widths are generous: an estimate errs taller, never cutting a line the clamp allows.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CardMetrics {
    /// Width of a card's text, in pixels.
    text_px: f64,
    /// Summary lines the stylesheet allows (2, or 3 on a phone).
    summary_lines: f64,
    /// The tallest card: the fixed height used before.
    max: f64,
}

impl CardMetrics {
    fn height(&self, study: &Study) -> f64 {
        let lines = |bytes: usize, char_px: f64, most: f64| {
            number::clamp(
                (bytes as f64 * char_px / self.text_px.max(120.0)).ceil(),
                1.0,
                most,
            )
        };
        let title = lines(study.shown_title().len(), 9.5, 2.0);
        let summary = lines(study.summary.len(), 8.0, self.summary_lines);
        // Row and card padding, the meta line, then the clamped title and summary lines.
        (64.0 + 22.0 * title + 21.0 * summary).min(self.max)
    }
}

/// One row of the list: a year heading or a study card.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    Year(Option<i32>),
    /// Position in the hit list (0-based) and the record's index in the dataset.
    Study {
        pos: u32,
        index: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Default)]
struct Layout {
    rows: Vec<Row>,
    /// Top of each row; `tops[rows.len()]` is the total height.
    tops: Vec<f64>,
}

impl Layout {
    fn build(hits: &[u32], studies: &[Study], grouped: bool, card: CardMetrics) -> Self {
        let mut rows = Vec::with_capacity(hits.len() + hits.len() / 4 + 1);
        let mut last_year: Option<Option<i32>> = None;
        for (pos, &index) in hits.iter().enumerate() {
            if grouped {
                let year = studies[index as usize].date.map(|d| d.year);
                if last_year != Some(year) {
                    rows.push(Row::Year(year));
                    last_year = Some(year);
                }
            }
            rows.push(Row::Study {
                pos: pos as u32,
                index,
            });
        }
        let mut tops = Vec::with_capacity(rows.len() + 1);
        let mut y = 0.0;
        for row in &rows {
            tops.push(y);
            y += match row {
                Row::Year(_) => YEAR_ROW,
                Row::Study { index, .. } => card.height(&studies[*index as usize]),
            };
        }
        tops.push(y);
        Self { rows, tops }
    }

    fn total(&self) -> f64 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Rows that intersect `[top, bottom)`.
    fn visible(&self, top: f64, bottom: f64) -> std::ops::Range<usize> {
        let start = self.tops.partition_point(|&t| t <= top).saturating_sub(1);
        let end = self
            .tops
            .partition_point(|&t| t < bottom)
            .min(self.rows.len());
        start.min(end)..end
    }

    fn row_of_pos(&self, pos: u32) -> Option<usize> {
        // Positions increase with row index, so binary search over study rows works.
        let i = self.rows.partition_point(|row| match *row {
            Row::Study { pos: p, .. } => p < pos,
            Row::Year(_) => true,
        });
        // A year row may sit between; step over it.
        (i..self.rows.len().min(i + 2))
            .find(|&r| matches!(self.rows[r], Row::Study { pos: p, .. } if p == pos))
    }
}

#[component]
pub fn StudyList() -> impl IntoView {
    let ctx = ctx();
    let results = ctx.results;
    let state = ctx.state;
    let catalog = ctx.catalog;
    let card_height = platform::card_height();
    let feed: NodeRef<leptos::html::Div> = NodeRef::new();
    let feed_width = platform::element_width(feed);
    let layout = Memo::new(move |_| {
        let grouped = state.with(|s| s.sort != Sort::Relevance || s.q.trim().is_empty());
        let metrics = CardMetrics {
            // Card padding and borders take about 36 px of the feed's width.
            text_px: feed_width.get() - 36.0,
            summary_lines: if card_height > 150.0 { 3.0 } else { 2.0 },
            max: card_height,
        };
        catalog.with(|c| {
            results.with(|r| Layout::build(&r.hits, &c.dataset.studies, grouped, metrics))
        })
    });
    // The query expanded once for all cards on screen.
    let highlighter =
        Memo::new(move |_| catalog.with(|c| ctx.query.with(|q| c.index.highlighter(q))));
    let viewport = platform::scroll_window(feed);

    let visible_rows = move || {
        let (top, height) = viewport.get();
        layout.with(|l| {
            // The first rows always exist, even with the feed below the fold, so the feed is
            // never an empty container (screen readers, find-in-page, axe). A viewport past the
            // feed's end (the page scrolled below it, or measured before the feed shrank to a few
            // results) shows its last rows rather than none.
            let top = top.min(l.total() - height).max(0.0_f64.min(top));
            let range = l.visible(top - OVERSCAN, (top + height + OVERSCAN).max(FIRST_ROWS_PX));
            range
                .map(|i| (l.rows[i], l.tops[i], l.tops[i + 1] - l.tops[i]))
                .collect::<Vec<_>>()
        })
    };
    let set_size = Memo::new(move |_| results.with(|r| r.hits.len()));

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let step: i64 = match ev.key().as_str() {
            "PageDown" => 1,
            "PageUp" => -1,
            _ => return,
        };
        let Some(current) = platform::focused_posinset() else {
            return;
        };
        ev.prevent_default();
        let target = i64::from(current) - 1 + step;
        let total = set_size.get_untracked() as i64;
        if !(0..total).contains(&target) {
            return;
        }
        let target = target as u32;
        if let Some(row) = layout.with_untracked(|l| l.row_of_pos(target).map(|r| l.tops[r])) {
            platform::scroll_feed_row_into_view(feed, row, card_height);
        }
        platform::focus_posinset_soon(target + 1);
    };

    view! {
        <div
            role="feed"
            class="feed"
            aria-label="Matching studies"
            aria-busy="false"
            node_ref=feed
            style:height=move || px(layout.with(Layout::total))
            on:keydown=on_keydown
        >
            <For
                    each=visible_rows
                    key=move |(row, top, height)| {
                        // A row is the same at the same place and size for the same records; its
                        // marks follow the query without rebuilding it.
                        let records = catalog.with_untracked(|c| std::sync::Arc::as_ptr(&c.0) as usize);
                        // Written out: `{row:?}` brought `Debug` formatting into the wasm.
                        let row = match *row {
                            Row::Year(Some(year)) => format!("year {year}"),
                            Row::Year(None) => "undated".to_owned(),
                            Row::Study { pos, index } => format!("study {pos} {index}"),
                        };
                        format!("{row}|{}|{}|{records}", decimal(*top, 2), decimal(*height, 2))
                    }
                    children=move |(row, top, height)| {
                            let data = catalog.get_untracked();
                            let style_top = format!("translateY({})", px(top));
                            match row {
                                Row::Year(year) => view! {
                                    <div class="year-row" aria-hidden="true" style:transform=style_top>
                                        {year.map_or_else(|| "Undated".to_owned(), |y| y.to_string())}
                                    </div>
                                }
                                .into_any(),
                                Row::Study { pos, index } => view! {
                                    <div class="card-row" style:transform=style_top style:height=px(height)>
                                        <StudyCard
                                            study=data.dataset.studies[index as usize].clone()
                                            pos=pos + 1
                                            imported=data.is_imported(index as usize)
                                            set_size=set_size
                                            highlighter=highlighter
                                        />
                                    </div>
                                }
                                .into_any(),
                            }
                    }
            />
        </div>
    }
}

/// One study in the feed: title (a link that selects it), date, stage, approaches, summary.
#[component]
fn StudyCard(
    study: Study,
    pos: u32,
    set_size: Memo<usize>,
    imported: bool,
    highlighter: Memo<Highlighter>,
) -> impl IntoView {
    let ctx = ctx();
    let (title, summary) = {
        let (title, summary) = (study.shown_title().to_owned(), study.summary.clone());
        // Until the details are in, a bundled record shows its label in place of its title.
        let full_title = !study.title.is_empty();
        let study = study.clone();
        let marks = Memo::new(move |_| {
            let highlights = highlighter.with(|h| h.highlights(&study));
            (
                if full_title {
                    ranges_for(&highlights, Field::Title)
                } else {
                    Vec::new()
                },
                ranges_for(&highlights, Field::Summary),
            )
        });
        (
            move || marks.with(|m| marked(&title, &m.0)),
            move || marks.with(|m| marked(&summary, &m.1)),
        )
    };
    let date = study
        .date
        .map(|d| d.human())
        .unwrap_or_else(|| "Undated".into());
    let date = if study.circa {
        format!("c. {date}")
    } else {
        date
    };
    let approaches = study
        .approaches
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(", ");
    let stage = study.stage_words();
    let outcome = study.outcome.map(|o| {
        view! {
            " · "
            <span class=format!("badge outcome outcome-{}", o.slug())>{o.mark()} " " {o.label()}</span>
        }
    });
    let title_id = format!("card-{}", study.id);
    let labelled_by = title_id.clone();
    let id = study.id.clone();
    // Follows the view, so opening the link in a new tab keeps what was typed since.
    let href = {
        let (ctx, id) = (ctx.clone(), id.clone());
        move || {
            ctx.state.track();
            ctx.study_href(&id)
        }
    };
    let selected = {
        let id = id.clone();
        move || ctx.selected.with(|s| s.as_deref() == Some(id.as_str()))
    };
    let on_click = super::select_on_click(&ctx, id.clone());
    view! {
        <article
            class=format!("card ap-{}", study.approaches.first().map_or("other", |a| a.slug()))
            class:milestone=study.milestone
            class:imported=imported
            class:selected=selected
            data-id=study.id.clone()
            aria-posinset=pos
            aria-setsize=move || set_size.get()
            aria-labelledby=labelled_by
            tabindex="0"
        >
            <h3 class="card-title" id=title_id>
                <a href=href on:click=on_click>{title}</a>
            </h3>
            <p class="card-meta">
                <time>{date}</time>
                " · "
                <span>{stage}</span>
                {outcome}
                " · "
                <span>{approaches}</span>
                {study.milestone.then(|| view! { " · " <span class="badge milestone-badge">"★ Milestone"</span> })}
                {imported.then(|| view! { " · " <span class="badge">"Imported"</span> })}
            </p>
            <p class="card-summary">{summary}</p>
        </article>
    }
}

/// The whole current list, not virtualised, with sources: what the print stylesheet prints.
#[component]
pub fn PrintList() -> impl IntoView {
    const PRINT_CAP: usize = 2_000;
    let ctx = ctx();
    let data = ctx.data();
    let hits = ctx.results.with_untracked(|r| r.hits.clone());
    let more = hits.len().saturating_sub(PRINT_CAP);
    view! {
        <ol class="print-list">
            {hits
                .iter()
                .take(PRINT_CAP)
                .map(|&i| {
                    let s = &data.dataset.studies[i as usize];
                    let sources = s
                        .sources
                        .iter()
                        .map(|src| match &src.url {
                            Some(url) => format!("{} ({url})", src.label),
                            None => src.label.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    view! {
                        <li>
                            <strong>{s.shown_title().to_owned()}</strong>
                            " — "
                            {s.date.map(|d| d.human()).unwrap_or_else(|| "undated".into())}
                            <p>{s.summary.clone()}</p>
                            <p class="print-sources">"Sources: " {sources} " · Status: " {s.status.label()}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        {(more > 0).then(|| view! { <p>{format!("…and {more} more not printed.")}</p> })}
    }
}
