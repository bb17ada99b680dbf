use std::io::BufRead;
use std::process::ExitCode;
use std::sync::Arc;

use app::i18n::Lang;
use app::server::SystemClock;
use app::server::services::setup;
use clap::Parser;
use server::config::{Cli, Command};
use server::{startup, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    telemetry::init(cli.settings.log_format);
    let config = cli.settings.into_config();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::CreateAdmin {
            email,
            first_name,
            last_name,
            language,
        } => create_admin(config, email, first_name, last_name, language).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: app::server::Config) -> Result<(), startup::StartError> {
    let server = startup::start(config, startup::leptos_options(), startup::server_clock()).await?;
    server.task.await??;
    Ok(())
}

async fn create_admin(
    config: app::server::Config,
    email: String,
    first_name: String,
    last_name: String,
    language: String,
) -> Result<(), startup::StartError> {
    let password = match std::env::var("ONBOARD_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let state = startup::build_state(config, Arc::new(SystemClock)).await?;
    let input = setup::AdminInput {
        email,
        first_name,
        last_name,
        password_confirm: password.clone(),
        password,
        language: Lang::parse(&language).unwrap_or_default(),
    };
    let id = setup::create_admin(&state, input).await.map_err(|e| {
        app::api::ApiError::from(e)
            .message()
            .text(Lang::En)
            .to_string()
    })?;
    println!("platform admin created (id {id})");
    Ok(())
}
