//! The search field: `type=search`, accessible name "Search", focused by pressing `/`.

use leptos::prelude::*;

#[component]
pub fn SearchBox(text: ReadSignal<String>, set_text: WriteSignal<String>) -> impl IntoView {
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    crate::platform::on_slash_focus(input);
    view! {
        <div class="search" role="search">
            <label for="search-input">"Search"</label>
            <input
                id="search-input"
                node_ref=input
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Try CAR-T, PD-1, melanoma, Rosenberg…"
                prop:value=move || text.get()
                on:input=move |ev| set_text.set(event_target_value(&ev))
            />
            <span class="hint" aria-hidden="true">"Press / to search"</span>
        </div>
    }
}
