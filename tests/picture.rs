//! "Download image" (`exchange::picture`): the SVG is well-formed XML whatever the text, draws
//! every lane and mark the timeline's plot placed (labels cut and clipped to their boxes, which
//! never meet), gives each kind of record its own shape in its approach's colour (the palette
//! of `public/style.css`), and carries the view's link, dataset version and date.

use immunotimeline::bedside::firsts;
use immunotimeline::data::{Approach, Dataset};
use immunotimeline::exchange::picture::{
    Body, Caption, Kind, Label, Lane, Mark, Picture, Shape, Timeline, colour, describe, svg,
};
use immunotimeline::library::Library;
use immunotimeline::timeline_plot::{Item, extent, plot, points, window_of};
use immunotimeline::view_state::{Lanes, ViewState};
use std::collections::BTreeMap;

/// An element of a parsed document: its name, attributes, and its text with its descendants'
/// (entities decoded), like the DOM's `textContent`.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
}

/// Parses `xml` strictly enough to catch what a careless writer gets wrong: every tag closed in
/// order, attribute values quoted, no `<` or bare `&` in text or values. Panics with the place.
fn parse(xml: &str) -> Vec<Element> {
    let body = xml.strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let mut rest = body.expect("an XML declaration first");
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    while !rest.is_empty() {
        let Some(tag_start) = rest.find('<') else {
            assert!(rest.trim().is_empty(), "text after the root: {rest:?}");
            break;
        };
        let text = decode(&rest[..tag_start]);
        assert!(
            !open.is_empty() || text.trim().is_empty(),
            "text outside the root: {text:?}"
        );
        for &i in &open {
            elements[i].text.push_str(&text);
        }
        let tag_end = rest[tag_start..].find('>').expect("a closed tag") + tag_start;
        let tag = &rest[tag_start + 1..tag_end];
        rest = &rest[tag_end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let i = open
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(
                elements[i].name, name,
                "</{name}> closes <{}>",
                elements[i].name
            );
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(tag) => (tag, true),
            None => (tag, false),
        };
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = &tag[..name_end];
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == ':'),
            "a tag named {name:?}"
        );
        let mut attrs = BTreeMap::new();
        let mut a = tag[name_end..].trim_start();
        while !a.is_empty() {
            let (key, after) = a
                .split_once("=\"")
                .unwrap_or_else(|| panic!("unquoted: {a}"));
            let (value, after) = after.split_once('"').expect("a closing quote");
            assert!(!value.contains('<'), "< in {key}={value:?}");
            assert!(
                attrs.insert(key.to_owned(), decode(value)).is_none(),
                "{key} twice"
            );
            a = after.trim_start();
        }
        elements.push(Element {
            name: name.to_owned(),
            attrs,
            text: String::new(),
        });
        if !empty {
            open.push(elements.len() - 1);
        }
    }
    assert!(
        open.is_empty(),
        "unclosed: {:?}",
        open.iter().map(|&i| &elements[i].name)
    );
    assert_eq!(elements.first().map(|e| e.name.as_str()), Some("svg"));
    elements
}

/// Character data with its entities decoded; a bare `&` fails.
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut parts = text.split('&');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        let (entity, after) = part.split_once(';').expect("an entity ends with ;");
        out.push(match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            other => panic!("unknown entity &{other};"),
        });
        out.push_str(after);
    }
    out
}

fn caption() -> Caption {
    Caption {
        link: "https://example.org/timeline/?q=car-t&lanes=stage&v=1a2b3c4d".into(),
        dataset_version: "1a2b3c4d".into(),
        date: "2026-12-04".into(),
        shown: 12,
        matching: "Text: “car-t”".into(),
    }
}

/// The bundled records' timeline for the search `q` at 900 px, as the app would describe it.
fn bundled_timeline(q: &str, lanes: Lanes) -> (Picture, Vec<(String, Vec<Item>)>) {
    let (dataset, _) = Dataset::bundled();
    let library = Library::new(dataset, None, Vec::new());
    let catalog = library.catalog(None);
    let state = ViewState {
        q: q.to_owned(),
        lanes,
        ..ViewState::default()
    };
    let hits = catalog.index.search(&state.to_query()).hits;
    let points = points(&catalog.dataset.studies);
    let fit = extent(&points.0, &hits, catalog.dataset.studies.len());
    let window = window_of(&state, 1891, 2026, fit);
    let drawn = plot(&catalog, &points.0, None, &state, &hits, 900.0, window);
    let timeline = describe::timeline(&drawn, &catalog.dataset.studies, 900.0, window);
    let items = drawn
        .lanes
        .into_iter()
        .map(|l| (l.label, l.items))
        .collect();
    let caption = Caption {
        shown: hits.len(),
        ..caption()
    };
    (
        Picture {
            caption,
            body: Body::Timeline(timeline),
        },
        items,
    )
}

fn mark(x: f64, kind: Kind, label: Option<&str>) -> Mark {
    Mark {
        x,
        row: 0,
        half: 12.0,
        kind,
        approach: Some(Approach::CarT),
        label: label.map(|text| Label {
            text: text.into(),
            px: 120.0,
            left_side: false,
        }),
    }
}

/// One lane with a record of each shape and a count, labelled with text that needs escaping.
fn every_kind() -> Picture {
    let shapes = [
        Shape::Dot,
        Shape::Soft,
        Shape::Bar,
        Shape::Approval,
        Shape::Prize,
        Shape::Setback,
    ];
    let mut marks: Vec<Mark> = shapes
        .iter()
        .enumerate()
        .map(|(i, &shape)| mark(40.0 + 140.0 * i as f64, Kind::Record(shape), None))
        .collect();
    marks[0].label = mark(0.0, Kind::Cluster(1), Some(r#"<b>"A & B's"</b>"#)).label;
    marks.push(mark(880.0, Kind::Cluster(42), None));
    Picture {
        caption: caption(),
        body: Body::Timeline(Timeline {
            width: 900.0,
            years: (1990, 2025),
            ticks: vec![(1990, 0.0), (2000, 250.0)],
            lanes: vec![Lane {
                label: "Cells <& \"friends\">\u{7}".into(),
                rows: 1,
                marks,
            }],
            footnote: Some("Not on the timeline: 2 undated (shown in the list).".into()),
        }),
    }
}

fn texts(elements: &[Element]) -> Vec<&str> {
    elements
        .iter()
        .filter(|e| e.name == "text")
        .map(|e| e.text.as_str())
        .collect()
}

#[test]
fn text_that_looks_like_markup_stays_text() {
    let document = svg(&every_kind());
    assert!(document.contains("&lt;b&gt;&quot;A &amp; B&apos;s&quot;&lt;/b&gt;"));
    assert!(!document.contains("<b>") && !document.contains('\u{7}'));
    let elements = parse(&document);
    let texts = texts(&elements);
    assert!(texts.contains(&r#"<b>"A & B's"</b>"#), "{texts:#?}");
    assert!(texts.contains(&r#"Cells <& "friends">"#), "{texts:#?}");
}

#[test]
fn the_caption_has_the_link_the_dataset_version_and_the_date() {
    let caption = caption();
    for document in [svg(&every_kind()), svg(&bundled_bedside())] {
        let elements = parse(&document);
        let texts = texts(&elements);
        assert!(texts.contains(&caption.link.as_str()), "{texts:#?}");
        assert!(texts.contains(&"Dataset version 1a2b3c4d · made 2026-12-04"));
        let link = elements.iter().find(|e| e.name == "a").expect("a link");
        assert_eq!(link.attrs["href"], caption.link);
        // The description is the app's "Cite this view" sentence.
        let desc = elements
            .iter()
            .find(|e| e.name == "desc")
            .expect("a description");
        assert!(
            desc.text
                .starts_with("Cancer Immunotherapy Timeline (dataset version 1a2b3c4d)")
        );
        assert!(desc.text.contains(&caption.link) && desc.text.contains("accessed 2026-12-04"));
        let root = &elements[0].attrs;
        assert_eq!(root["xmlns"], "http://www.w3.org/2000/svg");
        assert!(root["font-family"].ends_with("sans-serif"), "{root:?}");
        let page = &elements
            .iter()
            .find(|e| e.name == "rect")
            .expect("a page")
            .attrs;
        assert_eq!(
            (page["width"].as_str(), page["fill"].as_str()),
            ("100%", "#ffffff")
        );
    }
}

#[test]
fn a_long_link_is_cut_into_lines_whose_text_is_the_link() {
    let long = Caption {
        link: format!(
            "https://example.org/?q={}&v=1a2b3c4d",
            "pembrolizumab+".repeat(12)
        ),
        ..caption()
    };
    let document = svg(&Picture {
        caption: long.clone(),
        ..every_kind()
    });
    let elements = parse(&document);
    let link = elements
        .iter()
        .find(|e| e.name == "text" && e.text == long.link)
        .expect("the link's text");
    let spans = elements
        .iter()
        .filter(|e| e.name == "tspan" && long.link.contains(&e.text));
    assert!(spans.count() >= 2, "{link:?}");
}

#[test]
fn each_kind_of_record_has_its_own_shape_and_a_setback_is_a_ringed_cross() {
    let document = svg(&every_kind());
    let groups: Vec<&str> = document
        .split(r#"<g class=""#)
        .skip(1)
        .map(|g| &g[..g.find("</g>").expect("closed")])
        .collect();
    // Each record's group without its position: the shape's own markup.
    let shape_of = |g: &str| {
        let markup = g.split_once('>').map_or("", |(_, m)| m);
        markup
            .split('"')
            .filter(|part| part.parse::<f64>().is_err() && !part.starts_with("translate("))
            .collect::<String>()
    };
    let records: Vec<&&str> = groups.iter().filter(|g| g.starts_with("record ")).collect();
    assert_eq!(records.len(), 6);
    for (i, a) in records.iter().enumerate() {
        for b in &records[i + 1..] {
            assert_ne!(shape_of(a), shape_of(b), "{a}\n{b}");
        }
    }
    let ap = colour(Some(Approach::CarT));
    for record in &records {
        let setback = record.starts_with("record setback");
        assert_eq!(record.contains(ap), !setback, "{record}");
    }
    let setback = records
        .iter()
        .find(|g| g.starts_with("record setback"))
        .unwrap();
    assert!(setback.contains("<circle") && setback.contains(r#"d="M-3 -3L3 3M3 -3L-3 3""#));
    let count = groups.iter().find(|g| g.starts_with("count")).unwrap();
    assert!(count.contains(">42</text>"), "{count}");
    // The legend explains each shape used, and the colour of CAR-T.
    let legend = document
        .split(r#"<g class="legend">"#)
        .nth(1)
        .expect("a legend");
    for words in [
        "exact date",
        "approval",
        "prize",
        "setback",
        "several records",
        "CAR-T",
    ] {
        assert!(legend.contains(words), "{words}");
    }
}

#[test]
fn the_palette_is_the_stylesheets() {
    let css = std::fs::read_to_string("public/style.css").expect("public/style.css");
    // The light theme's rules are the ones at the start of a line: `.ap-car-t { --ap: #c24e00; }`.
    let light: BTreeMap<&str, &str> = css
        .lines()
        .filter_map(|line| {
            let rule = line.strip_prefix(".ap-")?;
            let (slug, value) = rule.split_once(" { --ap: ")?;
            Some((slug, value.strip_suffix("; }")?))
        })
        .collect();
    assert_eq!(light.len(), Approach::ALL.len(), "{light:?}");
    for &approach in Approach::ALL {
        assert_eq!(
            Some(&colour(Some(approach))),
            light.get(approach.slug()),
            "{approach:?}"
        );
    }
    assert_eq!(colour(None), light["other"]);
}

#[test]
fn every_lane_and_mark_of_the_plot_is_drawn_and_no_labels_meet() {
    for (q, lanes) in [
        ("", Lanes::Approach),
        ("car-t", Lanes::Approach),
        ("pd-1", Lanes::Stage),
        ("melanoma", Lanes::CancerType),
    ] {
        let (picture, items) = bundled_timeline(q, lanes);
        let document = svg(&picture);
        let elements = parse(&document);
        let texts: Vec<String> = texts(&elements).iter().map(|t| t.to_string()).collect();
        for (lane, _) in &items {
            assert!(texts.contains(lane), "lane {lane:?} for {q:?}");
        }
        let singles = items.iter().flat_map(|(_, i)| i);
        let records = singles.clone().filter(|i| matches!(i, Item::Single { .. }));
        let groups = |class: &str| {
            elements
                .iter()
                .filter(|e| {
                    e.name == "g" && e.attrs.get("class").is_some_and(|c| c.starts_with(class))
                })
                .count()
        };
        assert_eq!(groups("record"), records.count(), "{q:?}");
        let counts: Vec<usize> = singles
            .filter_map(|i| match i {
                Item::Cluster { count, .. } => Some(*count),
                Item::Single { .. } => None,
            })
            .collect();
        assert_eq!(groups("count"), counts.len(), "{q:?}");
        for count in counts {
            assert!(texts.contains(&count.to_string()), "{count} in {q:?}");
        }
        // Every label is cut to its box, and no two boxes (in the picture's coordinates) meet.
        let boxes: Vec<[f64; 4]> = elements
            .windows(2)
            .filter(|w| w[0].name == "clipPath")
            .map(|w| ["x", "y", "width", "height"].map(|k| w[1].attrs[k].parse().unwrap()))
            .collect();
        let labelled = items
            .iter()
            .flat_map(|(_, i)| i)
            .filter(|i| i.label().is_some());
        assert_eq!(boxes.len(), labelled.count(), "{q:?}");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a[0] + a[2] <= b[0] + 0.1
                    || b[0] + b[2] <= a[0] + 0.1
                    || a[1] + a[3] <= b[1] + 0.1
                    || b[1] + b[3] <= a[1] + 0.1;
                assert!(apart, "{a:?} and {b:?} meet for {q:?}");
            }
        }
    }
}

fn bundled_bedside() -> Picture {
    let (dataset, _) = Dataset::bundled();
    let hits: Vec<u32> = (0..dataset.studies.len() as u32).collect();
    let rows = firsts(&dataset.studies, &hits);
    Picture {
        caption: caption(),
        body: Body::Bedside(describe::bedside(&dataset.studies, &rows)),
    }
}

#[test]
fn bench_to_bedside_shows_every_row_step_and_gap() {
    let picture = bundled_bedside();
    let Body::Bedside(rows) = &picture.body else {
        unreachable!()
    };
    assert!(rows.len() >= 3, "{rows:?}");
    let elements = parse(&svg(&picture));
    let texts: Vec<&str> = texts(&elements);
    let all = texts.join("\n");
    for row in rows {
        assert!(texts.contains(&row.approach.label()), "{:?}", row.approach);
        for (year, _) in row.steps.iter().flatten() {
            assert!(all.contains(&year.to_string()), "{year}");
        }
    }
    for heading in ["Basic discovery", "First in humans", "Lab to approval"] {
        assert!(texts.contains(&heading), "{heading}");
    }
    assert!(
        all.contains("years after") || all.contains("years before"),
        "{all}"
    );
}
