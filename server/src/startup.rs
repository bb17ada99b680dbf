//! From a configuration to a listening server.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use app::i18n::Msg;
use app::server::context::RequestMemo;
use app::server::error::refusal;
use app::server::services::{demo, imports, setup};
use app::server::store::sessions;
use app::server::{AppState, Backend, Clock, Config, Db};
use app::server::{jobs, mail};
use app::ui::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tokio::task::JoinHandle;
use tower::util::MapRequestLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tracing::Instrument;

use crate::assets;
use crate::origin::{self, AllowedOrigin};
use crate::page_lang;
use crate::telemetry;

pub type StartError = Box<dyn std::error::Error + Send + Sync>;

/// The site's compiled assets and names, from the variables cargo-leptos
/// sets (at build time for the output name, at run time for the rest).
/// The build names its files with a content hash (`hash-files`) and writes
/// the hashes beside the server binary; a server started directly (the
/// scripts, a service manager, the browser tests) uses them whenever they
/// name the files of the site it serves.
pub fn leptos_options() -> LeptosOptions {
    let mut options = leptos::config::get_configuration(None)
        .map(|conf| conf.leptos_options)
        .unwrap_or_else(|_| LeptosOptions::builder().output_name("onboard").build());
    if !options.hash_files {
        let beside_binary = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(&*options.hash_file)));
        options.hash_files = beside_binary.is_some_and(|file| hashes_match_site(&options, &file));
    }
    options
}

/// Whether `hash_file` (cargo-leptos's `js: …`, `wasm: …`, `css: …` lines)
/// names a wasm present in the site's `pkg` folder: a hash file left by an
/// earlier build must not send browsers to files that are gone.
pub fn hashes_match_site(options: &LeptosOptions, hash_file: &std::path::Path) -> bool {
    let Ok(hashes) = std::fs::read_to_string(hash_file) else {
        return false;
    };
    let Some(wasm) = hashes
        .lines()
        .find_map(|line| line.trim().strip_prefix("wasm:"))
        .map(str::trim)
        .filter(|hash| !hash.is_empty())
    else {
        return false;
    };
    std::path::Path::new(&*options.site_root)
        .join(&*options.site_pkg_dir)
        .join(format!("{}.{wasm}.wasm", options.output_name))
        .is_file()
}

pub async fn build_state(config: Config, clock: Arc<dyn Clock>) -> Result<AppState, StartError> {
    std::fs::create_dir_all(&config.data_dir)?;
    let db = Db::connect(&config.database_url).await?;
    let state = AppState::new(db, config, clock);
    app::server::services::platform::load_default_language(&state).await?;
    Ok(state)
}

/// The clock of the running server: the system's, or, in browser-test
/// builds, one that `POST /test/advance-clock` moves forward.
pub fn server_clock() -> Arc<dyn Clock> {
    #[cfg(feature = "e2e-clock")]
    {
        e2e_clock::clock()
    }
    #[cfg(not(feature = "e2e-clock"))]
    {
        Arc::new(app::server::SystemClock)
    }
}

#[cfg(feature = "e2e-clock")]
mod e2e_clock {
    use std::sync::{Arc, OnceLock};

    use app::server::clock::{MINUTE, ShiftedClock};
    use axum::extract::Form;

    static CLOCK: OnceLock<Arc<ShiftedClock>> = OnceLock::new();

    pub fn clock() -> Arc<ShiftedClock> {
        CLOCK.get_or_init(Default::default).clone()
    }

    #[derive(serde::Deserialize)]
    pub struct Advance {
        minutes: i64,
    }

    pub async fn advance(Form(by): Form<Advance>) -> &'static str {
        clock().advance(by.minutes * MINUTE);
        "ok"
    }
}

/// The largest body a server function reads. A 1,000-address invitation
/// list is about 40 KB; file imports will get a route and a limit of their
/// own.
pub const API_BODY_LIMIT: usize = 1024 * 1024;

/// Reads an `/api/` body up to `API_BODY_LIMIT` before the function does,
/// so that a larger one gets a 413 in the caller's language, whether it
/// announced its length or not (chunked), instead of a parser failure.
async fn limit_api_body(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let announced_too_large = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        .is_some_and(|length| length > API_BODY_LIMIT as u64);
    if announced_too_large {
        return refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            Msg::ErrTooLarge,
            &parts.headers,
        );
    }
    match Limited::new(body, API_BODY_LIMIT).collect().await {
        Ok(collected) => {
            let body = Body::from(collected.to_bytes());
            next.run(Request::from_parts(parts, body)).await
        }
        Err(e) if e.is::<LengthLimitError>() => refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            Msg::ErrTooLarge,
            &parts.headers,
        ),
        Err(_) => refusal(StatusCode::BAD_REQUEST, Msg::ErrBadRequest, &parts.headers),
    }
}

pub fn router(state: AppState, options: LeptosOptions) -> Router {
    telemetry::init_executor();
    let request_id = HeaderName::from_static(telemetry::REQUEST_ID);
    let routes = generate_route_list(App);
    let allowed = AllowedOrigin::from_url(&state.config.public_url);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(RequestMemo::default());
        }
    };
    // The site's compiled files: precompressed copies, cache headers, 304s.
    let pkg = tower::ServiceBuilder::new()
        .layer(middleware::from_fn(assets::pkg_headers))
        .service(assets::pkg_files(&options.site_root, &options.site_pkg_dir));
    let router = Router::new()
        .nest_service(&format!("/{}", options.site_pkg_dir), pkg)
        .route("/texts/{file}", axum::routing::get(assets::texts_script));
    #[cfg(feature = "e2e-clock")]
    let router = router.route(
        "/test/advance-clock",
        axum::routing::post(e2e_clock::advance),
    );
    router
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(options)
        .merge(crate::exports::routes(state.clone()))
        .merge(crate::imports::routes(state.clone()))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            page_lang::invitation_language,
        ))
        // Inside the origin check: a cross-site post is refused unread.
        .layer(middleware::from_fn(limit_api_body))
        .layer(middleware::from_fn_with_state(
            allowed,
            origin::same_origin_only,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        // Pages and answers are personal: browsers keep them only to
        // revalidate, shared caches not at all. Exports say `no-store`
        // themselves; `/pkg/` files say what they need.
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        ))
        .layer(assets::compression())
        .layer(middleware::from_fn(assets::vary_on_encoding))
        // Outermost, in this order: the id is set before the span is made
        // (so the span carries it) and copied to the answer inside it.
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(telemetry::RequestSpan)
                .on_response(telemetry::ResponseLine)
                .on_failure(telemetry::FailureLine),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .layer(MapRequestLayer::new(
            telemetry::drop_unacceptable_request_id::<Body>,
        ))
}

/// While no platform admin exists, prints a one-time link to create one and
/// writes it to `<data dir>/setup-link.txt` (readable by the owner only) for
/// deployments where nobody reads the console.
async fn announce_setup_link(state: &AppState) -> Result<(), StartError> {
    let file = state.config.data_dir.join("setup-link.txt");
    match setup::issue_token(state).await? {
        Some(raw) => {
            let mut link = state.config.public_url.join("/setup")?;
            link.query_pairs_mut().append_pair("token", &raw);
            println!("\n  No platform administrator yet. Create the first one here:\n  {link}\n");
            std::fs::write(&file, format!("{link}\n"))?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
            }
        }
        None => {
            let _ = std::fs::remove_file(&file);
        }
    }
    Ok(())
}

fn spawn_session_sweeper(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            let swept = async {
                let mut conn = state.db.pool.acquire().await?;
                sessions::delete_expired(&mut conn, state.now()).await
            }
            .instrument(tracing::info_span!("session_sweep"))
            .await;
            if let Err(e) = swept {
                tracing::warn!(error = %e, "could not sweep expired sessions");
            }
        }
    });
}

pub struct Server {
    pub addr: SocketAddr,
    pub state: AppState,
    pub task: JoinHandle<std::io::Result<()>>,
}

/// Connects, migrates, seeds the demo if asked, announces the setup link,
/// starts the background jobs and listens. Returns once the port is bound.
pub async fn start(
    config: Config,
    options: LeptosOptions,
    clock: Arc<dyn Clock>,
) -> Result<Server, StartError> {
    let listen = config.listen;
    let state = build_state(config, clock).await?;
    if state.config.demo && demo::seed(&state).await? {
        tracing::info!("demo groups created");
    }
    announce_setup_link(&state).await?;
    if state.db.backend == Backend::Sqlite {
        let failed = imports::fail_interrupted_runs(&state).await?;
        if failed > 0 {
            tracing::warn!(failed, "imports interrupted by the last stop marked failed");
        }
    }
    spawn_session_sweeper(state.clone());
    let transport = mail::Transport::from_config(&state.config)?;
    mail::spawn_worker(state.clone(), transport);
    jobs::spawn(state.clone());
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    let app = router(state.clone(), options);
    tokio::spawn(assets::pack_texts());
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    });
    tracing::info!(%addr, "listening");
    Ok(Server { addr, state, task })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
