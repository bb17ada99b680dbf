//! Command line and `ONBOARD_*` environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;

use app::server::Config;
use clap::{Args, Parser, Subcommand};

use crate::telemetry::LogFormat;

#[derive(Debug, Parser)]
#[command(
    name = "onboard",
    version,
    about = "Onboard: bring external people onto your learning platform"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default).
    Serve,
    /// Create a platform admin. The password is read from
    /// ONBOARD_ADMIN_PASSWORD, or else from the first line of stdin.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Admin")]
        first_name: String,
        #[arg(long, default_value = "Onboard")]
        last_name: String,
        /// Language of the account: fr, en or nl.
        #[arg(long, default_value = "fr")]
        language: String,
    },
}

#[derive(Debug, Args)]
pub struct Settings {
    /// sqlite://… or postgres://… (default: SQLite file in the data directory).
    #[arg(long, env = "ONBOARD_DATABASE_URL")]
    pub database_url: Option<String>,
    /// smtp://user:pass@host:587 (STARTTLS), smtps://…:465 (TLS), smtp://…?tls=none (plain).
    /// Without it, mails stay in the development mailbox (/dev/mailbox).
    #[arg(long, env = "ONBOARD_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The From: of every mail (default: Onboard <no-reply@host of the public URL>).
    #[arg(long, env = "ONBOARD_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// The address people use to reach the site; links in mails start with it.
    #[arg(long, env = "ONBOARD_PUBLIC_URL")]
    pub public_url: Option<url::Url>,
    /// Address and port to listen on.
    #[arg(long, env = "ONBOARD_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// Where the default SQLite database and the setup link file live.
    #[arg(long, env = "ONBOARD_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// Seed a sample group tree when the database has no groups.
    #[arg(long, env = "ONBOARD_DEMO", value_parser = clap::builder::FalseyValueParser::new())]
    pub demo: bool,
    /// Log lines as human-readable text or as JSON objects (one a line).
    /// Which lines: RUST_LOG (default info,sqlx=warn).
    #[arg(long, env = "ONBOARD_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

impl Settings {
    pub fn into_config(self) -> Config {
        // cargo-leptos tells the address through LEPTOS_SITE_ADDR when it runs
        // the server itself.
        let listen = self
            .listen
            .or_else(|| std::env::var("LEPTOS_SITE_ADDR").ok()?.parse().ok())
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 3000)));
        let public_url = self.public_url.unwrap_or_else(|| {
            url::Url::parse(&format!("http://{listen}")).expect("a socket address makes a URL")
        });
        let database_url = self
            .database_url
            .unwrap_or_else(|| Config::default_database_url(&self.data_dir));
        let mail_from = self
            .mail_from
            .unwrap_or_else(|| Config::default_mail_from(&public_url));
        Config {
            database_url,
            mail_from,
            smtp_url: self.smtp_url.filter(|s| !s.trim().is_empty()),
            public_url,
            listen,
            data_dir: self.data_dir,
            demo: self.demo,
        }
    }
}
