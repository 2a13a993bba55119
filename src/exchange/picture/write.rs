//! Writing the SVG: escaped text, short numbers, text widths estimated without a font, lines
//! wrapped and cut to a width, and what every picture shares (the white page, the title at the
//! top and the caption at the bottom).

use super::Caption;
use crate::exchange::{ViewCitation, cite_view};
use std::fmt::Write;

/// A generic font stack: whatever the viewer's system has, never a download.
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
/// The light theme's text, muted text, rules and accent (`public/style.css`).
pub const TEXT: &str = "#1d1f24";
pub const MUTED: &str = "#4f5563";
pub const LINE: &str = "#d9dbe1";
pub const ACCENT: &str = "#0b5cad";
pub const MARGIN: f64 = 24.0;
/// The caption's and the axis' text size, in pixels.
pub const SMALL: f64 = 12.5;

/// An SVG document being written: its elements so far and its width.
pub struct Svg {
    pub width: f64,
    body: String,
    clips: usize,
}

impl Svg {
    pub fn new(width: f64) -> Self {
        Self {
            width: width.ceil(),
            body: String::new(),
            clips: 0,
        }
    }

    /// Appends markup made by the caller (numbers through [`num`], text through [`escape`]).
    pub fn raw(&mut self, markup: std::fmt::Arguments) {
        // Writing to a String cannot fail.
        let _ = self.body.write_fmt(markup);
        self.body.push('\n');
    }

    /// A line of text at (`x`, `y`, the baseline) with extra attributes `attrs` (fill, weight,
    /// anchor).
    pub fn text(&mut self, x: f64, y: f64, size: f64, attrs: &str, text: &str) {
        self.raw(format_args!(
            r#"<text x="{}" y="{}" font-size="{}"{attrs}>{}</text>"#,
            num(x),
            num(y),
            num(size),
            escape(text)
        ));
    }

    /// Lines of text, one under the other, as one `<text>` element (so its text is the lines
    /// joined, e.g. a link cut into lines); returns the baseline of the last.
    pub fn lines(&mut self, x: f64, y: f64, size: f64, attrs: &str, lines: &[String]) -> f64 {
        let styled: Vec<(&str, &str)> = lines.iter().map(|l| (l.as_str(), "")).collect();
        self.styled_lines(x, y, size, attrs, &styled)
    }

    /// [`Svg::lines`] with attributes of its own for each line (`(text, attributes)`).
    pub fn styled_lines(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        attrs: &str,
        lines: &[(&str, &str)],
    ) -> f64 {
        let leading = size * 1.35;
        let mut spans = String::new();
        for (i, (line, style)) in lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { leading };
            let _ = write!(
                spans,
                r#"<tspan x="{}" dy="{}"{style}>{}</tspan>"#,
                num(x),
                num(dy),
                escape(line)
            );
        }
        self.raw(format_args!(
            r#"<text y="{}" font-size="{}"{attrs}>{spans}</text>"#,
            num(y),
            num(size)
        ));
        y + leading * lines.len().saturating_sub(1) as f64
    }

    /// Text that must not pass the box (`x`, `top`, `width`, `height`): besides being cut to an
    /// estimated width, it is clipped there, so a wider font than estimated cannot make two
    /// labels meet.
    pub fn clipped_text(
        &mut self,
        clip: (f64, f64, f64, f64),
        at: (f64, f64),
        attrs: &str,
        text: &str,
    ) {
        let (x, top, width, height) = clip;
        self.clips += 1;
        let id = self.clips;
        self.raw(format_args!(
            r#"<clipPath id="c{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath><text x="{}" y="{}" font-size="12" clip-path="url(#c{id})"{attrs}>{}</text>"#,
            num(x),
            num(top),
            num(width),
            num(height),
            num(at.0),
            num(at.1),
            escape(text)
        ));
    }

    /// The title and, under it, `subtitle` wrapped to the width; returns the y below them.
    pub fn heading(&mut self, title: &str, subtitle: &str) -> f64 {
        let y = MARGIN + 20.0;
        self.text(
            MARGIN,
            y,
            20.0,
            &format!(r#" font-weight="700" fill="{TEXT}""#),
            title,
        );
        let lines = wrap(subtitle, self.width - 2.0 * MARGIN, 14.0, 3);
        self.lines(
            MARGIN,
            y + 24.0,
            14.0,
            &format!(r#" fill="{MUTED}""#),
            &lines,
        ) + 12.0
    }

    /// The caption under a rule at `y`: the dataset version and date, and the view's link.
    pub fn caption(&mut self, y: f64, caption: &Caption) -> f64 {
        self.raw(format_args!(
            r#"<path d="M{m} {y}H{end}" stroke="{LINE}"/>"#,
            m = num(MARGIN),
            y = num(y),
            end = num(self.width - MARGIN)
        ));
        let y = y + 20.0;
        let made = format!(
            "Dataset version {} · made {}",
            caption.dataset_version, caption.date
        );
        self.text(MARGIN, y, SMALL, &format!(r#" fill="{MUTED}""#), &made);
        let link = wrap(&caption.link, self.width - 2.0 * MARGIN, SMALL, 6);
        self.raw(format_args!(r#"<a href="{}">"#, escape(&caption.link)));
        let y = self.lines(
            MARGIN,
            y + 18.0,
            SMALL,
            &format!(r#" fill="{ACCENT}""#),
            &link,
        );
        self.raw(format_args!("</a>"));
        y + MARGIN
    }

    /// The finished document, `height` pixels tall: a white page, the view's citation as its
    /// description, and what was drawn.
    pub fn finish(self, height: f64, title: &str, caption: &Caption) -> String {
        let desc = cite_view(&ViewCitation {
            permalink: &caption.link,
            dataset_version: &caption.dataset_version,
            shown: caption.shown,
            matching: &caption.matching,
            accessed: &caption.date,
        });
        let (w, h) = (num(self.width), num(height.ceil()));
        format!(
            r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}">
<title>{}</title>
<desc>{}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
{}</svg>
"##,
            escape(title),
            escape(&desc),
            self.body
        )
    }
}

/// `text` made safe as XML character data and attribute values: the five special characters
/// as entities, and the control characters XML 1.0 forbids dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate to a tenth of a pixel, without a trailing zero. Written as integers: the
/// standard float formatting would be most of the picture code's size in the worker.
pub fn num(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// How wide `text` is at `size` pixels, estimated generously for the sans-serif fonts of the
/// font stack (no font is at hand in a worker).
pub fn text_px(text: &str, size: f64) -> f64 {
    text.chars().map(em).sum::<f64>() * size
}

/// A character's width in ems, rounded up for the usual system fonts (DejaVu Sans, the widest
/// of them and Linux's usual fallback, included).
fn em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'I' | '(' | ')' => 0.34,
        'f' | 'r' | 't' | ' ' | '-' | '/' => 0.42,
        'm' | 'w' | 'M' | 'W' => 1.0,
        'A'..='Z' => 0.76,
        c if c.is_ascii() => 0.62,
        // The ellipsis, typographic quotes and dashes, accented letters, marks: generous.
        _ => 1.0,
    }
}

/// `text`, or as much of it as fits in `px` with an ellipsis.
pub fn fit(text: &str, px: f64, size: f64) -> String {
    if text_px(text, size) <= px {
        return text.to_owned();
    }
    let mut used = em('…') * size;
    let mut out = String::new();
    for c in text.chars() {
        used += em(c) * size;
        if used > px {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// `text` in lines no wider than `px` at `size`, broken after spaces and hyphens (a piece too
/// long for a line, such as a link, is broken where it reaches the edge); at most `max_lines`,
/// the last cut with an ellipsis when there is more. A line keeps the space it was broken at
/// (not drawn), so the lines joined are the text.
pub fn wrap(text: &str, px: f64, size: f64, max_lines: usize) -> Vec<String> {
    let fits = |line: &str| text_px(line.trim_end(), size) <= px;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in text.split_inclusive([' ', '-']) {
        if fits(&format!("{line}{piece}")) {
            line.push_str(piece);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in piece.chars() {
            if !line.is_empty() && !fits(&format!("{line}{c}")) {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines.max(1) {
        // More than fits on one line, so `fit` cuts it and says so.
        let rest = lines.split_off(max_lines.max(1) - 1).concat();
        lines.push(fit(&rest, px, size));
    }
    lines
}
