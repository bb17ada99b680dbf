//! `+ → Groupe`: a new group, placed in the tree.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::frame::use_refresh;
use super::group_settings::{GroupNameField, ParentChoice, VisibilityChoice};
use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::{FormError, Loading, NotFound, field_problems};
use crate::api::groups::{CreateGroup, get_sidebar};
use crate::contracts::error::FormField;
use crate::domain::{GroupId, Visibility};
use crate::i18n::Msg;

#[component]
pub fn NewGroupPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let preselected = move || {
        query
            .read()
            .get("parent")
            .and_then(|p| p.parse::<GroupId>().ok())
    };
    let groups = loaded(|| (), |_| get_sidebar());
    let refresh = use_refresh();
    let create = ServerAction::<CreateGroup>::new();
    let problem = field_problems(create.value());
    Effect::new(move |_| {
        if let Some(Ok(_)) = create.value().get() {
            refresh.bump();
        }
    });
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match groups.await {
                    Ok(sidebar) if sidebar.can_manage_groups => {
                        let choices = sidebar.groups.iter().map(|g| (g.id, g.name.clone())).collect();
                        view! {
                            <section class="page">
                                <h1>{lang.t(Msg::NewGroup)}</h1>
                                <ActionForm action=create attr:class="panel">
                                    <GroupNameField problem=Signal::derive(move || problem(FormField::Name)) />
                                    <ParentChoice
                                        choices
                                        current=preselected()
                                        problem=Signal::derive(move || problem(FormField::Parent))
                                    />
                                    <VisibilityChoice current=Visibility::Private />
                                    <FormError value=create.value() />
                                    <button
                                        type="submit"
                                        class="button primary"
                                        disabled=move || create.pending().get()
                                    >
                                        {lang.t(Msg::CreateGroup)}
                                    </button>
                                </ActionForm>
                            </section>
                        }
                            .into_any()
                    }
                    _ => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}
