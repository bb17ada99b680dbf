//! `+ → Utilisateur → Importer`: the import wizard. The upload is a plain
//! multipart form (it works before the wasm loads; dropping a file on its
//! zone fills the same input), each later step is its own URL
//! (`?step=file|columns|preview|options|report`), and the run is followed
//! live on the report step.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::custom_fields::CustomFieldInputs;
use super::group_page::use_group_id;
use super::lang::use_lang;
use super::loaded::loaded;
use super::user_panel::PanelShell;
use super::widgets::{FormError, Loading, NotFound, RoleCheckbox};
use crate::api::imports::{
    EditImportRow, ImportHome, ImportQuery, ImportStatus, ImportSummary, ImportView, PreviewRow,
    RunImport, SetImportColumns, SetImportDialect, get_import, get_import_history,
};
use crate::domain::import::{Mode, VerdictKind};
use crate::domain::{AccountType, GroupId, GroupRole, ImportId, policy};
use crate::i18n::{Lang, Msg, labels};

/// The upload step, with the history below it.
#[component]
pub fn ImportUploadPage() -> impl IntoView {
    import_home(false)
}

/// `Imports`: the history of the group's imports.
#[component]
pub fn ImportsHistoryPage() -> impl IntoView {
    import_home(true)
}

fn import_home(history_only: bool) -> impl IntoView {
    let id = use_group_id();
    let home = loaded(move || id.get(), get_import_history);
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(home) => view! { <ImportHomeBody home history_only /> }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ImportHomeBody(home: ImportHome, history_only: bool) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let error = query
        .read_untracked()
        .get("error")
        .and_then(|code| Msg::ALL.iter().copied().find(|m| m.id() == code));
    let group_id = home.group_id;
    view! {
        <PanelShell group_id group_path=home.group_path.clone()>
            {(!history_only)
                .then(|| {
                    view! {
                        <h2>{lang.t(Msg::ImportTitle)}</h2>
                        <section class="import-section" aria-labelledby="import-template">
                            <h3 id="import-template">{lang.t(Msg::ImportTemplateTitle)}</h3>
                            <p class="muted help">{lang.t(Msg::ImportTemplateHelp)}</p>
                            <p class="import-links">
                                <a class="button secondary" href="/imports/template.xlsx" download="">
                                    {lang.t(Msg::ImportTemplateXlsx)}
                                </a>
                                <a class="button secondary" href="/imports/template.csv" download="">
                                    {lang.t(Msg::ImportTemplateCsv)}
                                </a>
                            </p>
                        </section>
                        <section class="import-section" aria-labelledby="import-file-title">
                            <h3 id="import-file-title">{lang.t(Msg::ImportFileTitle)}</h3>
                            {error.map(|msg| view! { <p class="form-error" role="alert">{lang.t(msg)}</p> })}
                            <UploadForm group_id />
                        </section>
                    }
                })}
            <section class="import-section" aria-labelledby="import-history">
                {if history_only {
                    view! { <h2 id="import-history">{lang.t(Msg::ImportHistoryTitle)}</h2> }.into_any()
                } else {
                    view! { <h3 id="import-history">{lang.t(Msg::ImportHistoryTitle)}</h3> }.into_any()
                }}
                <History imports=home.imports group_id />
            </section>
        </PanelShell>
    }
}

/// The file picker inside a drop zone. Dropping a file puts it in the
/// same input and sends the form, so both ways post the same request.
#[component]
fn UploadForm(group_id: GroupId) -> impl IntoView {
    let lang = use_lang();
    let input = NodeRef::<leptos::html::Input>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    let over = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let files = ev.data_transfer().and_then(|t| t.files());
        if let (Some(files), Some(input), Some(form)) = (files, input.get(), form.get())
            && files.length() > 0
        {
            input.set_files(Some(&files));
            let _ = form.request_submit();
        }
    };
    view! {
        <form
            node_ref=form
            method="post"
            action=format!("/imports/upload?group_id={group_id}")
            enctype="multipart/form-data"
            class="import-upload"
        >
            <input type="hidden" name="group_id" value=group_id.to_string() />
            <label
                for="import-file"
                class="drop-zone"
                class:over=move || over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=on_drop
            >
                <span class="drop-title">{lang.t(Msg::ImportDrop)}</span>
                <span class="muted help">{lang.t(Msg::ImportLimits)}</span>
            </label>
            <input
                node_ref=input
                type="file"
                id="import-file"
                name="file"
                accept=".csv,.txt,.tsv,.xlsx,.xls,.ods"
                required=true
            />
            <button type="submit" class="button primary">{lang.t(Msg::ImportSend)}</button>
        </form>
    }
}

fn status_label(status: ImportStatus) -> Msg {
    match status {
        ImportStatus::Draft => Msg::ImportStatusDraft,
        ImportStatus::Running => Msg::ImportStatusRunning,
        ImportStatus::Done => Msg::ImportStatusDone,
        ImportStatus::Failed => Msg::ImportStatusFailed,
    }
}

fn mode_label(mode: Mode) -> Msg {
    match mode {
        Mode::Invite => Msg::PanelInvite,
        Mode::Create => Msg::PanelCreate,
        Mode::CreateOrUpdate => Msg::ImportModeCreateOrUpdate,
    }
}

#[component]
fn History(imports: Vec<ImportSummary>, group_id: GroupId) -> impl IntoView {
    let lang = use_lang();
    if imports.is_empty() {
        return view! { <p class="empty-state">{lang.t(Msg::ImportHistoryEmpty)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="data-table imports">
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Msg::ImportColFile)}</th>
                        <th scope="col">{lang.t(Msg::ImportColWhen)}</th>
                        <th scope="col">{lang.t(Msg::ImportColWho)}</th>
                        <th scope="col">{lang.t(Msg::ImportMode)}</th>
                        <th scope="col">{lang.t(Msg::ColStatus)}</th>
                    </tr>
                </thead>
                <tbody>
                    {imports
                        .into_iter()
                        .map(|i| {
                            let step = if i.status == ImportStatus::Draft { "columns" } else { "report" };
                            let href = crate::contracts::imports::import_url(group_id, i.id, step);
                            let counts = i
                                .counts
                                .iter()
                                .map(|(k, n)| format!("{} {}", lang.t(labels::verdict_kind(*k)), lang.count(*n as i64)))
                                .collect::<Vec<_>>()
                                .join(" · ");
                            view! {
                                <tr>
                                    <td>
                                        <a href=href>{i.file_name}</a>
                                        <span class="muted who-email">
                                            {lang.fmt(Msg::ImportRowsCount, &[("count", i.rows.into())])}
                                        </span>
                                    </td>
                                    <td class="nobr">{crate::i18n::date(i.created_at, lang)}</td>
                                    <td>{i.author.unwrap_or_default()}</td>
                                    <td>{lang.t(mode_label(i.mode))}</td>
                                    <td>
                                        {lang.t(status_label(i.status))}
                                        <span class="muted who-email">{counts}</span>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    File,
    Columns,
    Preview,
    Options,
    Report,
}

impl Step {
    const ALL: [Step; 5] = [
        Step::File,
        Step::Columns,
        Step::Preview,
        Step::Options,
        Step::Report,
    ];

    fn code(self) -> &'static str {
        match self {
            Step::File => "file",
            Step::Columns => "columns",
            Step::Preview => "preview",
            Step::Options => "options",
            Step::Report => "report",
        }
    }

    fn label(self) -> Msg {
        match self {
            Step::File => Msg::ImportStepFile,
            Step::Columns => Msg::ImportStepColumns,
            Step::Preview => Msg::ImportStepPreview,
            Step::Options => Msg::ImportStepOptions,
            Step::Report => Msg::ImportStepReport,
        }
    }

    fn parse(code: &str) -> Step {
        Step::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or(Step::Columns)
    }
}

/// One import, at the step its URL names.
#[component]
pub fn ImportPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let import_id = Memo::new(move |_| {
        params
            .read()
            .get("import")
            .and_then(|id| id.parse().ok())
            .unwrap_or(ImportId(0))
    });
    let step = Memo::new(move |_| Step::parse(&query.read().get("step").unwrap_or_default()));
    let verdict = Memo::new(move |_| query.read().get("verdict").filter(|v| !v.is_empty()));
    let page = Memo::new(move |_| query.read().get("page").and_then(|p| p.parse().ok()));
    let dialect = ServerAction::<SetImportDialect>::new();
    let columns = ServerAction::<SetImportColumns>::new();
    let edit = ServerAction::<EditImportRow>::new();
    let run = ServerAction::<RunImport>::new();
    let tick = RwSignal::new(0u32);
    let data = loaded(
        move || {
            (
                ImportQuery {
                    id: import_id.get(),
                    verdict: verdict.get(),
                    page: page.get(),
                },
                (
                    dialect.version().get(),
                    columns.version().get(),
                    edit.version().get(),
                    run.version().get(),
                    tick.get(),
                ),
            )
        },
        |(query, _)| get_import(query),
    );
    // While the run goes on, the page asks again every second.
    Effect::new(move |_| {
        if let Some(Ok(view)) = data.get()
            && view.status == ImportStatus::Running
        {
            set_timeout(
                move || tick.update(|t| *t += 1),
                std::time::Duration::from_secs(1),
            );
        }
    });
    // After `IMPORTER`, the report step follows the run.
    Effect::new(move |_| {
        if let Some(Ok(())) = run.value().get() {
            let navigate = leptos_router::hooks::use_navigate();
            if let Some(Ok(view)) = data.get_untracked() {
                navigate(
                    &crate::contracts::imports::import_url(view.group_id, view.id, "report"),
                    Default::default(),
                );
            }
        }
    });
    let actions = Actions {
        dialect,
        columns,
        edit,
        run,
    };
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <ImportBody view step=step.get() actions /> }.into_any(),
                    Err(_) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    dialect: ServerAction<SetImportDialect>,
    columns: ServerAction<SetImportColumns>,
    edit: ServerAction<EditImportRow>,
    run: ServerAction<RunImport>,
}

#[component]
fn ImportBody(view: ImportView, step: Step, actions: Actions) -> impl IntoView {
    let lang = use_lang();
    // Once started, the report is the only step left.
    let step = if view.status == ImportStatus::Draft
        || (view.status == ImportStatus::Failed && step == Step::Options)
    {
        step
    } else {
        Step::Report
    };
    let base = |s: Step| crate::contracts::imports::import_url(view.group_id, view.id, s.code());
    let steps = Step::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let current = s == step;
            let reachable = view.status == ImportStatus::Draft || s == Step::Report;
            view! {
                <li class:current=current>
                    {if reachable {
                        view! {
                            <a href=base(s) aria-current=current.then_some("step")>
                                {format!("{}. {}", i + 1, lang.t(s.label()))}
                            </a>
                        }
                        .into_any()
                    } else {
                        view! { <span>{format!("{}. {}", i + 1, lang.t(s.label()))}</span> }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    let group_id = view.group_id;
    let body = match step {
        Step::File => view! { <FileStep view=view.clone() action=actions.dialect /> }.into_any(),
        Step::Columns => {
            view! { <ColumnsStep view=view.clone() action=actions.columns /> }.into_any()
        }
        Step::Preview => view! { <PreviewStep view=view.clone() edit=actions.edit /> }.into_any(),
        Step::Options => view! { <OptionsStep view=view.clone() action=actions.run /> }.into_any(),
        Step::Report => view! { <ReportStep view=view.clone() /> }.into_any(),
    };
    view! {
        <section class="page">
            <header class="page-header">
                <nav aria-label=lang.t(Msg::Breadcrumb)>
                    <ol class="breadcrumb">
                        <li>
                            <a href=format!("/groups/{group_id}")>{view.group_path.clone()}</a>
                        </li>
                        <li>
                            <a href=format!("/groups/{group_id}/users/import")>{lang.t(Msg::PanelImport)}</a>
                        </li>
                        <li>
                            <span aria-current="page">{view.file_name.clone()}</span>
                        </li>
                    </ol>
                </nav>
                <h1>{lang.t(Msg::ImportTitle)} " — " {view.group_path.clone()}</h1>
                <p class="muted">
                    {view.file_name.clone()} " · "
                    {lang.fmt(Msg::ImportRowsCount, &[("count", view.total.into())])} " · "
                    {lang.t(status_label(view.status))}
                </p>
            </header>
            <nav aria-label=lang.t(Msg::ImportSteps)>
                <ol class="stepper">{steps}</ol>
            </nav>
            {body}
        </section>
    }
}

fn next_link(view: &ImportView, next: Step) -> impl IntoView + use<> {
    let lang = use_lang();
    let href = crate::contracts::imports::import_url(view.group_id, view.id, next.code());
    view! {
        <p class="step-next">
            <a class="button secondary" href=href>{lang.t(Msg::ImportNext)}</a>
        </p>
    }
}

#[component]
fn FileStep(view: ImportView, action: ServerAction<SetImportDialect>) -> impl IntoView {
    let lang = use_lang();
    let d = view.dialect.clone();
    let delimited = d.sheets.is_empty();
    let encodings = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"];
    let separators = [
        ("comma", Msg::ImportSepComma),
        ("semicolon", Msg::ImportSepSemicolon),
        ("tab", Msg::ImportSepTab),
    ];
    let read_as = if delimited {
        format!(
            "{} · {} · {}",
            d.format,
            d.encoding.clone().unwrap_or_default().to_uppercase(),
            d.separator
                .as_deref()
                .and_then(|s| separators.iter().find(|(c, _)| *c == s))
                .map(|(_, m)| lang.t(*m))
                .unwrap_or_default()
        )
    } else {
        format!("{} · {}", d.format, d.sheet.clone().unwrap_or_default())
    };
    let forced_enc = d.forced_encoding.clone().unwrap_or_default();
    let forced_sep = d.forced_separator.clone().unwrap_or_default();
    let current_sheet = d.sheet.clone().unwrap_or_default();
    view! {
        <section class="import-section">
            <p class="read-as">
                <strong>{lang.t(Msg::ImportReadAs)} " : "</strong>
                {read_as}
            </p>
            <ActionForm action attr:class="import-dialect">
                <input type="hidden" name="input[id]" value=view.id.to_string() />
                {if delimited {
                    view! {
                        <div class="field">
                            <label for="import-encoding">{lang.t(Msg::ImportEncoding)}</label>
                            <select id="import-encoding" name="input[encoding]">
                                <option value="" selected=forced_enc.is_empty()>{lang.t(Msg::ImportDetect)}</option>
                                {encodings
                                    .into_iter()
                                    .map(|e| view! { <option value=e selected=forced_enc == e>{e.to_uppercase()}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="import-separator">{lang.t(Msg::ImportSeparator)}</label>
                            <select id="import-separator" name="input[separator]">
                                <option value="" selected=forced_sep.is_empty()>{lang.t(Msg::ImportDetect)}</option>
                                {separators
                                    .into_iter()
                                    .map(|(code, msg)| view! { <option value=code selected=forced_sep == code>{lang.t(msg)}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <div class="field">
                            <label for="import-sheet">{lang.t(Msg::ImportSheet)}</label>
                            <select id="import-sheet" name="input[sheet]">
                                {d.sheets
                                    .iter()
                                    .map(|s| view! { <option value=s.clone() selected=*s == current_sheet>{s.clone()}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                    .into_any()
                }}
                <button type="submit" class="button secondary">{lang.t(Msg::ImportApply)}</button>
                <FormError value=action.value() />
            </ActionForm>
        </section>
        {next_link(&view, Step::Columns)}
    }
}

#[component]
fn ColumnsStep(view: ImportView, action: ServerAction<SetImportColumns>) -> impl IntoView {
    let lang = use_lang();
    let targets = view.targets.clone();
    let next = next_link(&view, Step::Preview);
    view! {
        <section class="import-section">
            {view.missing_email.then(|| view! { <p class="form-error" role="alert">{lang.t(Msg::ErrImportNoEmailColumn)}</p> })}
            <ActionForm action attr:class="import-columns">
                <input type="hidden" name="input[id]" value=view.id.to_string() />
                <div class="table-wrap">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{lang.t(Msg::ImportColumnHeader)}</th>
                                <th scope="col">{lang.t(Msg::ImportColumnSample)}</th>
                                <th scope="col">{lang.t(Msg::ImportColumnTarget)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {view
                                .columns
                                .iter()
                                .map(|c| {
                                    let id = format!("column-{}", c.index);
                                    let current = c.target.clone().unwrap_or_default();
                                    let targets = targets.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <label for=id.clone()>{c.header.clone()}</label>
                                            </th>
                                            <td class="muted">{c.sample.clone()}</td>
                                            <td>
                                                <select id=id name=format!("input[columns][{}]", c.index)>
                                                    <option value="" selected=current.is_empty()>{lang.t(Msg::ImportIgnore)}</option>
                                                    {targets
                                                        .into_iter()
                                                        .map(|t| {
                                                            let selected = t.code == current;
                                                            view! { <option value=t.code selected=selected>{t.label}</option> }
                                                        })
                                                        .collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <button type="submit" class="button secondary">{lang.t(Msg::ImportSaveColumns)}</button>
                <FormError value=action.value() />
            </ActionForm>
        </section>
        {next}
    }
}

/// The rows in error, to fix and send again: a workbook for a file that
/// came as one, else CSV.
fn errors_link(view: &ImportView) -> impl IntoView + use<> {
    let lang = use_lang();
    let (href, msg) = if view.dialect.sheets.is_empty() {
        (
            format!("/imports/{}/errors.csv", view.id),
            Msg::ImportErrorsFile,
        )
    } else {
        (
            format!("/imports/{}/errors.xlsx", view.id),
            Msg::ImportErrorsFileXlsx,
        )
    };
    view! {
        <a class="button secondary" href=href download="">
            {lang.t(msg)}
        </a>
    }
}

fn seats_line(view: &ImportView, lang: Lang) -> String {
    match view.seats.limit {
        Some(limit) => lang.fmt(
            Msg::ImportSeats,
            &[
                ("used", view.seats.used.into()),
                ("limit", limit.into()),
                ("needed", view.seats_needed.into()),
            ],
        ),
        None => lang.fmt(
            Msg::ImportSeatsUnlimited,
            &[
                ("used", view.seats.used.into()),
                ("needed", view.seats_needed.into()),
            ],
        ),
    }
}

/// Counts by verdict, each a filter link.
fn count_filters(view: &ImportView, step: Step) -> impl IntoView + use<> {
    let lang = use_lang();
    let base = crate::contracts::imports::import_url(view.group_id, view.id, step.code());
    let current = view.filter;
    let all = view! {
        <li>
            <a href=base.clone() aria-current=current.is_none().then_some("true")>
                {lang.t(Msg::ImportFilterAll)} " " <strong>{lang.count(view.total as i64)}</strong>
            </a>
        </li>
    };
    let kinds = VerdictKind::ALL
        .into_iter()
        .filter(|k| view.count(*k) > 0)
        .map(|k| {
            let href = format!("{base}&verdict={}", k.code());
            view! {
                <li class=format!("verdict-{}", k.code())>
                    <a href=href aria-current=(current == Some(k)).then_some("true")>
                        {lang.t(labels::verdict_kind(k))} " " <strong>{lang.count(view.count(k) as i64)}</strong>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="verdict-counts" aria-label=lang.t(Msg::ImportFilterLabel)>
            {all}
            {kinds}
        </ul>
    }
}

fn pager(view: &ImportView, step: Step) -> impl IntoView + use<> {
    let lang = use_lang();
    let mut base = crate::contracts::imports::import_url(view.group_id, view.id, step.code());
    if let Some(f) = view.filter {
        base.push_str(&format!("&verdict={}", f.code()));
    }
    let prev = (view.page > 1).then(|| format!("{base}&page={}", view.page - 1));
    let next = (view.page < view.pages).then(|| format!("{base}&page={}", view.page + 1));
    view! {
        <nav class="pager" aria-label=lang.t(Msg::Pagination)>
            {prev.map(|href| view! { <a href=href rel="prev">{lang.t(Msg::ImportPagePrev)}</a> })}
            <span class="muted">
                {lang.fmt(Msg::ImportPageOf, &[("page", view.page.into()), ("pages", view.pages.into())])}
            </span>
            {next.map(|href| view! { <a href=href rel="next">{lang.t(Msg::ImportPageNext)}</a> })}
        </nav>
    }
}

#[component]
fn PreviewStep(view: ImportView, edit: ServerAction<EditImportRow>) -> impl IntoView {
    let lang = use_lang();
    let headers: Vec<String> = view.columns.iter().map(|c| c.header.clone()).collect();
    let errors = view.count(VerdictKind::Error);
    view! {
        <section class="import-section">
            <p class="muted help">{lang.t(Msg::ImportPreviewHelp)}</p>
            {view.missing_email.then(|| view! { <p class="form-error" role="alert">{lang.t(Msg::ErrImportNoEmailColumn)}</p> })}
            {count_filters(&view, Step::Preview)}
            <p class="seat-line">{seats_line(&view, lang)}</p>
            {(errors > 0)
                .then(|| {
                    view! {
                        <p>{errors_link(&view)}</p>
                    }
                })}
            <FormError value=edit.value() />
            <RowsTable rows=view.rows.clone() headers id=view.id edit=Some(edit) header=Msg::ImportVerdictHeader />
            {pager(&view, Step::Preview)}
        </section>
        {next_link(&view, Step::Options)}
    }
}

#[component]
fn RowsTable(
    rows: Vec<PreviewRow>,
    headers: Vec<String>,
    id: ImportId,
    edit: Option<ServerAction<EditImportRow>>,
    header: Msg,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="table-wrap">
            <table class="data-table import-rows">
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Msg::ImportColLine)}</th>
                        <th scope="col">{lang.t(Msg::Email)}</th>
                        <th scope="col">{lang.t(header)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let fix = (row.kind == VerdictKind::Error)
                                .then_some(edit)
                                .flatten()
                                .map(|action| view! { <RowEditor row=row.clone() headers=headers.clone() id action /> });
                            view! {
                                <tr class=format!("verdict-{}", row.kind.code())>
                                    <td class="nobr">{row.line}</td>
                                    <td>{row.email.clone()}</td>
                                    <td>
                                        <span class="verdict-text">{row.text.clone()}</span>
                                        {fix}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// An error row corrected in place: its cells in a small form; the
/// verdict is checked again as soon as it is sent.
#[component]
fn RowEditor(
    row: PreviewRow,
    headers: Vec<String>,
    id: ImportId,
    action: ServerAction<EditImportRow>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <details class="row-editor">
            <summary>{lang.t(Msg::ImportCorrect)}</summary>
            <ActionForm action attr:class="row-edit-form">
                <input type="hidden" name="input[id]" value=id.to_string() />
                <input type="hidden" name="input[row]" value=row.index.to_string() />
                {headers
                    .into_iter()
                    .enumerate()
                    .map(|(i, header)| {
                        let field_id = format!("row-{}-cell-{i}", row.index);
                        let value = row.cells.get(i).cloned().unwrap_or_default();
                        view! {
                            <div class="field">
                                <label for=field_id.clone()>{header}</label>
                                <input type="text" id=field_id name=format!("input[cells][{i}]") value=value />
                            </div>
                        }
                    })
                    .collect_view()}
                <button type="submit" class="button secondary">{lang.t(Msg::ImportRecheck)}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn OptionsStep(view: ImportView, action: ServerAction<RunImport>) -> impl IntoView {
    let lang = use_lang();
    let mode = RwSignal::new(view.mode);
    let guest = RwSignal::new(view.defaults.account_type == AccountType::Guest);
    let errors = view.count(VerdictKind::Error);
    let grantable = view.grantable.clone();
    let roles = GroupRole::ALL
        .into_iter()
        .filter(|r| grantable.contains(r))
        .map(|role| {
            let checked = view.defaults.roles.contains(&role);
            let disabled = Signal::derive(move || {
                !policy::may_hold(if guest.get() { AccountType::Guest } else { AccountType::Member }, role)
            });
            view! { <RoleCheckbox role id=format!("import-role-{}", role.as_str()) checked disabled /> }
        })
        .collect_view();
    let modes = Mode::ALL
        .into_iter()
        .map(|m| {
            let label = match m {
                Mode::Invite => Msg::ImportModeInvite,
                Mode::Create => Msg::ImportModeCreate,
                Mode::CreateOrUpdate => Msg::ImportModeCreateOrUpdate,
            };
            let id = format!("import-mode-{}", m.code());
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name="input[mode]"
                        value=m.code()
                        checked=view.mode == m
                        on:change=move |_| mode.set(m)
                    />
                    <label for=id>{lang.t(label)}</label>
                </div>
            }
        })
        .collect_view();
    let language = view.defaults.language;
    view! {
        <section class="import-section">
            {view.missing_email.then(|| view! { <p class="form-error" role="alert">{lang.t(Msg::ErrImportNoEmailColumn)}</p> })}
            {(view.status == ImportStatus::Failed).then(|| view! { <p class="form-error" role="alert">{lang.t(Msg::ImportFailedText)}</p> })}
            <ActionForm action attr:class="import-run">
                <input type="hidden" name="input[id]" value=view.id.to_string() />
                <fieldset>
                    <legend>{lang.t(Msg::ImportMode)}</legend>
                    {modes}
                </fieldset>
                <p class="muted help">{lang.t(Msg::ImportDefaultsHelp)}</p>
                <fieldset>
                    <legend>{lang.t(Msg::ImportTargetRoles)}</legend>
                    {roles}
                </fieldset>
                <div class="field">
                    <label for="import-language">{lang.t(Msg::Language)}</label>
                    <select id="import-language" name="input[language]">
                        {Lang::ALL
                            .into_iter()
                            .map(|l| view! { <option value=l.code() selected=l == language>{l.native_name()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="import-type">{lang.t(Msg::ImportTargetType)}</label>
                    <select
                        id="import-type"
                        name="input[account_type]"
                        on:change=move |ev| guest.set(event_target_value(&ev) == "guest")
                    >
                        <option value="member" selected=!guest.get_untracked()>{lang.t(Msg::TypeMember)}</option>
                        <option value="guest" selected=guest.get_untracked()>{lang.t(Msg::TypeGuest)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="import-deletion">{lang.t(Msg::ImportTargetDeletion)}</label>
                    <input
                        type="date"
                        id="import-deletion"
                        name="input[deletion_date]"
                        value=view.defaults.deletion_date.clone().unwrap_or_default()
                    />
                </div>
                <div class="field" class:hidden=move || mode.get() != Mode::Invite>
                    <label for="import-message">{lang.t(Msg::PersonalMessage)}</label>
                    <textarea id="import-message" name="input[message]" rows="3">
                        {view.defaults.message.clone()}
                    </textarea>
                </div>
                <div class="checkbox" class:hidden=move || mode.get() == Mode::Invite>
                    <input
                        type="checkbox"
                        id="import-credentials"
                        name="input[send_credentials]"
                        checked=view.defaults.send_credentials
                    />
                    <label for="import-credentials">{lang.t(Msg::ImportSendCredentials)}</label>
                </div>
                <CustomFieldInputs fields=view.custom_fields.clone() values=HashMap::new() />
                <p class="seat-line">{seats_line(&view, lang)}</p>
                {(errors > 0).then(|| view! { <p class="muted">{lang.fmt(Msg::ImportRunSkips, &[("count", errors.into())])}</p> })}
                <button type="submit" class="button primary" disabled=view.missing_email>
                    {lang.t(Msg::ImportRun)}
                </button>
                <FormError value=action.value() />
            </ActionForm>
        </section>
    }
}

#[component]
fn ReportStep(view: ImportView) -> impl IntoView {
    let lang = use_lang();
    match view.status {
        ImportStatus::Running => view! {
            <section class="import-section" aria-live="polite">
                <progress
                    class="import-progress"
                    max=view.total.max(1).to_string()
                    value=view.done_rows.to_string()
                    aria-label=lang.t(Msg::ImportStatusRunning)
                ></progress>
                <p role="status">
                    {lang.fmt(Msg::ImportRunning, &[("done", view.done_rows.into()), ("total", view.total.into())])}
                </p>
                <p class="muted help">{lang.t(Msg::ImportRunningHelp)}</p>
            </section>
        }
        .into_any(),
        ImportStatus::Failed => view! {
            <section class="import-section">
                <p class="form-error" role="alert">{lang.t(Msg::ImportFailedText)}</p>
                {next_link(&view, Step::Options)}
            </section>
        }
        .into_any(),
        ImportStatus::Draft => view! {
            <section class="import-section">
                <p class="muted">{lang.t(Msg::ImportStatusDraft)}</p>
                {next_link(&view, Step::Options)}
            </section>
        }
        .into_any(),
        ImportStatus::Done => {
            let headers: Vec<String> = view.columns.iter().map(|c| c.header.clone()).collect();
            view! {
                <section class="import-section">
                    <p class="done-line" role="status">{lang.t(Msg::ImportDoneText)}</p>
                    {count_filters(&view, Step::Report)}
                    <p class="import-links">
                        <a class="button secondary" href=format!("/imports/{}/report.csv", view.id) download="">
                            {lang.t(Msg::ImportReportCsv)}
                        </a>
                        <a class="button secondary" href=format!("/imports/{}/report.xlsx", view.id) download="">
                            {lang.t(Msg::ImportReportXlsx)}
                        </a>
                        {(view.count(VerdictKind::Error) > 0).then(|| errors_link(&view))}
                    </p>
                    <RowsTable rows=view.rows.clone() headers id=view.id edit=None header=Msg::ImportOutcomeHeader />
                    {pager(&view, Step::Report)}
                </section>
            }
            .into_any()
        }
    }
}
