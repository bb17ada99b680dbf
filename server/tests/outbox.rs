//! The outbox and its worker against a small fake SMTP server, on both
//! databases: delivery with the stored Message-ID, retries with backoff when
//! the server is down, leases that expire, concurrent claims, permanent
//! refusals, and the development mailbox.

mod support;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use app::domain::{InvitationId, MailId, UserId};
use app::server::clock::{HOUR, MINUTE, SECOND};
use app::server::mail::worker::{LEASE, MAX_ATTEMPTS};
use app::server::mail::{self, DeliveryReport, Transport, deliver_due};
use app::server::store::outbox::{self, NewMail, OutboxRow};
use app::server::{AppError, Backend, Clock};
use support::TestApp;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpSocket};
use tokio::task::JoinHandle;

// ---------------------------------------------------------------------------
// A fake SMTP server: just enough of RFC 5321 for lettre.

#[derive(Clone, Debug)]
struct Received {
    mail_from: String,
    rcpt_to: Vec<String>,
    data: String,
}

impl Received {
    /// The value of a header of the message, first occurrence.
    fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.data
            .split("\r\n")
            .take_while(|line| !line.is_empty())
            .find(|line| line.to_ascii_lowercase().starts_with(&prefix))
            .map(|line| line[prefix.len()..].trim().to_owned())
    }
}

struct FakeSmtp {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    task: JoinHandle<()>,
}

impl FakeSmtp {
    /// Listens on `port` (0: any free one). Recipients in `reject` get a
    /// permanent `550` to their RCPT.
    async fn start(port: u16, reject: &[&str]) -> FakeSmtp {
        let socket = TcpSocket::new_v4().unwrap();
        socket.set_reuseaddr(true).unwrap();
        socket
            .bind(SocketAddr::from(([127, 0, 0, 1], port)))
            .unwrap();
        let listener: TcpListener = socket.listen(64).unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let reject: Arc<HashSet<String>> = Arc::new(reject.iter().map(|r| r.to_string()).collect());
        let task = tokio::spawn({
            let received = received.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(session(stream, received.clone(), reject.clone()));
                }
            }
        });
        FakeSmtp {
            addr,
            received,
            task,
        }
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.addr.port())
    }
}

impl Drop for FakeSmtp {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn reply(write: &mut tokio::net::tcp::OwnedWriteHalf, text: &str) -> bool {
    write.write_all(text.as_bytes()).await.is_ok()
}

/// The address between angle brackets of `MAIL FROM:<a>` / `RCPT TO:<a>`.
fn path_of(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line.rfind('>').unwrap_or(line.len());
    line.get(start..end).unwrap_or_default().to_owned()
}

async fn session(
    stream: tokio::net::TcpStream,
    received: Arc<Mutex<Vec<Received>>>,
    reject: Arc<HashSet<String>>,
) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    if !reply(&mut write, "220 fake.test ESMTP ready\r\n").await {
        return;
    }
    let mut mail_from = String::new();
    let mut rcpt_to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = line.trim_end().to_owned();
        let verb = command
            .split([' ', ':'])
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let answer = match verb.as_str() {
            "EHLO" => "250-fake.test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 OK\r\n".to_owned(),
            "HELO" => "250 fake.test\r\n".to_owned(),
            "MAIL" => {
                mail_from = path_of(&command);
                rcpt_to.clear();
                "250 2.1.0 OK\r\n".to_owned()
            }
            "RCPT" => {
                let to = path_of(&command);
                if reject.contains(&to) {
                    format!("550 5.1.1 <{to}>: mailbox unavailable\r\n")
                } else {
                    rcpt_to.push(to);
                    "250 2.1.5 OK\r\n".to_owned()
                }
            }
            "DATA" => {
                if !reply(&mut write, "354 end with <CRLF>.<CRLF>\r\n").await {
                    return;
                }
                let mut data = String::new();
                loop {
                    line.clear();
                    match lines.read_line(&mut line).await {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                received.lock().unwrap().push(Received {
                    mail_from: mail_from.clone(),
                    rcpt_to: std::mem::take(&mut rcpt_to),
                    data,
                });
                "250 2.0.0 queued\r\n".to_owned()
            }
            "RSET" => {
                rcpt_to.clear();
                "250 OK\r\n".to_owned()
            }
            "NOOP" => "250 OK\r\n".to_owned(),
            "QUIT" => {
                let _ = reply(&mut write, "221 bye\r\n").await;
                return;
            }
            _ => "502 5.5.2 not implemented\r\n".to_owned(),
        };
        if !reply(&mut write, &answer).await {
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers.

/// A transport to `smtp_url`, from the test configuration.
fn smtp_transport(app: &TestApp, smtp_url: &str) -> Transport {
    let mut config = (*app.state.config).clone();
    config.smtp_url = Some(smtp_url.to_owned());
    Transport::from_config(&config).expect("valid SMTP configuration")
}

/// A free port with nothing listening on it (yet).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn enqueue(app: &TestApp, recipient: &str, subject: &str) -> MailId {
    let mut conn = app.conn().await;
    let domain = mail::message_id_domain(&app.state.config);
    outbox::enqueue(
        &mut conn,
        &NewMail {
            kind: "test",
            recipient: recipient.to_owned(),
            subject: subject.to_owned(),
            body_text: format!("{subject}\n\nÉté, déjà."),
            body_html: format!("<p>{subject}</p><p>Été, déjà.</p>"),
            invitation_id: None,
            user_id: None,
        },
        &domain,
        app.clock.now(),
    )
    .await
    .unwrap()
}

async fn row(app: &TestApp, id: MailId) -> OutboxRow {
    let mut conn = app.conn().await;
    outbox::by_id(&mut conn, id).await.unwrap().expect("row")
}

fn report(sent: usize, retried: usize, failed: usize) -> DeliveryReport {
    DeliveryReport {
        sent,
        retried,
        failed,
    }
}

// ---------------------------------------------------------------------------
// Tests.

async fn queued_mails_are_delivered_once_through_smtp_with_their_stored_message_id(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let smtp = FakeSmtp::start(0, &[]).await;
    let transport = smtp_transport(&app, &smtp.url());
    let first = enqueue(&app, "bob@exemple.fr", "Bonjour Bob").await;
    let second = enqueue(&app, "carol@exemple.fr", "Bonjour Carol").await;

    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(2, 0, 0)
    );
    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(0, 0, 0)
    );

    let received = smtp.received();
    assert_eq!(received.len(), 2);
    for id in [first, second] {
        let row = row(&app, id).await;
        assert_eq!(row.status, "sent");
        assert_eq!(row.attempts, 1);
        assert_eq!(row.sent_at, Some(app.clock.now()));
        assert_eq!(row.last_error, None);
        assert!(
            row.message_id.ends_with("@127.0.0.1>"),
            "{}",
            row.message_id
        );
        let mail = received
            .iter()
            .find(|m| m.rcpt_to == [row.recipient.clone()])
            .expect("delivered to its recipient");
        assert_eq!(mail.mail_from, "no-reply@onboard.test");
        assert_eq!(
            mail.header("Message-ID").as_deref(),
            Some(row.message_id.as_str())
        );
        assert_eq!(mail.header("Subject"), Some(row.subject.clone()));
        assert!(mail.data.contains("multipart/alternative"));
    }
}

async fn with_the_smtp_server_down_nothing_is_lost_and_the_mail_goes_out_once_after_the_backoff(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let port = free_port();
    let transport = smtp_transport(&app, &format!("smtp://127.0.0.1:{port}?tls=none"));
    let id = enqueue(&app, "bob@exemple.fr", "Bonjour").await;

    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(0, 1, 0)
    );
    let failed = row(&app, id).await;
    assert_eq!(failed.status, "queued");
    assert_eq!(failed.attempts, 1);
    assert_eq!(failed.next_attempt_at, app.clock.now() + 30 * SECOND);
    let error = failed.last_error.expect("the error is recorded");
    assert!(!error.is_empty());

    // The server comes back; the mail waits for its backoff.
    let smtp = FakeSmtp::start(port, &[]).await;
    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(0, 0, 0)
    );
    app.clock.advance(30 * SECOND - 1);
    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(0, 0, 0)
    );
    app.clock.advance(1);
    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(1, 0, 0)
    );
    app.clock.advance(HOUR);
    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(0, 0, 0)
    );

    let sent = row(&app, id).await;
    assert_eq!(sent.status, "sent");
    assert_eq!(sent.attempts, 2);
    assert_eq!(sent.last_error, None);
    let received = smtp.received();
    assert_eq!(received.len(), 1, "delivered exactly once");
    assert_eq!(
        received[0].header("Message-ID").as_deref(),
        Some(sent.message_id.as_str())
    );
}

async fn a_mail_that_never_gets_through_is_given_up_after_eight_attempts(backend: Backend) {
    let app = TestApp::new(backend).await;
    let transport = smtp_transport(&app, &format!("smtp://127.0.0.1:{}?tls=none", free_port()));
    let id = enqueue(&app, "bob@exemple.fr", "Bonjour").await;
    let mut waits = Vec::new();
    for attempt in 1..=MAX_ATTEMPTS {
        let before = app.clock.now();
        let expected = if attempt < MAX_ATTEMPTS {
            report(0, 1, 0)
        } else {
            report(0, 0, 1)
        };
        assert_eq!(
            deliver_due(&app.state, &transport, "w1").await,
            expected,
            "attempt {attempt}"
        );
        let r = row(&app, id).await;
        assert_eq!(r.attempts, attempt);
        if attempt < MAX_ATTEMPTS {
            waits.push(r.next_attempt_at - before);
            app.clock.set(r.next_attempt_at);
        }
    }
    assert_eq!(
        waits,
        [
            30 * SECOND,
            MINUTE,
            2 * MINUTE,
            4 * MINUTE,
            8 * MINUTE,
            16 * MINUTE,
            32 * MINUTE
        ]
    );
    let r = row(&app, id).await;
    assert_eq!(r.status, "failed");
    assert!(r.last_error.is_some());
    app.clock.advance(24 * HOUR);
    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(0, 0, 0)
    );
}

async fn a_worker_that_dies_mid_delivery_is_relieved_after_its_lease_and_not_before(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let smtp = FakeSmtp::start(0, &[]).await;
    let transport = smtp_transport(&app, &smtp.url());
    let id = enqueue(&app, "bob@exemple.fr", "Bonjour").await;

    // The dead worker claimed the row and will never mark it.
    let mut conn = app.conn().await;
    let claimed = outbox::claim_due(&mut conn, "dead", app.clock.now(), LEASE, 10)
        .await
        .unwrap();
    drop(conn);
    assert_eq!(claimed.iter().map(|r| r.id).collect::<Vec<_>>(), [id]);
    assert_eq!(claimed[0].status, "sending");

    assert_eq!(
        deliver_due(&app.state, &transport, "alive").await,
        report(0, 0, 0)
    );
    app.clock.advance(LEASE);
    assert_eq!(
        deliver_due(&app.state, &transport, "alive").await,
        report(0, 0, 0),
        "the lease still runs at its last millisecond"
    );
    app.clock.advance(1);
    assert_eq!(
        deliver_due(&app.state, &transport, "alive").await,
        report(1, 0, 0)
    );
    let r = row(&app, id).await;
    assert_eq!((r.status.as_str(), r.attempts), ("sent", 2));
    assert_eq!(smtp.received().len(), 1);

    // The dead worker waking up cannot overwrite the outcome.
    let mut conn = app.conn().await;
    assert!(
        !outbox::mark_sent(&mut conn, id, "dead", app.clock.now())
            .await
            .unwrap()
    );
    assert!(
        !outbox::mark_attempt_failed(&mut conn, id, "dead", "boom", None)
            .await
            .unwrap()
    );
    assert_eq!(row(&app, id).await.status, "sent");
}

async fn owners_claiming_concurrently_never_get_the_same_row(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut all = HashSet::new();
    for i in 0..60 {
        all.insert(enqueue(&app, &format!("u{i}@exemple.fr"), "Bonjour").await);
    }
    let now = app.clock.now();
    let claimers: Vec<_> = (0..4)
        .map(|w| {
            let state = app.state.clone();
            tokio::spawn(async move {
                let owner = format!("w{w}");
                let mut mine = Vec::new();
                loop {
                    let mut conn = state.db.pool.acquire().await.unwrap();
                    let rows = outbox::claim_due(&mut conn, &owner, now, LEASE, 3)
                        .await
                        .unwrap();
                    if rows.is_empty() {
                        break;
                    }
                    mine.extend(rows.into_iter().map(|r| r.id));
                    tokio::task::yield_now().await;
                }
                (owner, mine)
            })
        })
        .collect();
    let mut seen = HashSet::new();
    for claimer in claimers {
        let (owner, ids) = claimer.await.unwrap();
        for id in ids {
            assert!(seen.insert(id), "row {id} claimed twice (again by {owner})");
        }
    }
    assert_eq!(seen, all, "every row claimed");
    let mut conn = app.conn().await;
    for id in all {
        let r = outbox::by_id(&mut conn, id).await.unwrap().unwrap();
        assert_eq!((r.status.as_str(), r.attempts), ("sending", 1));
    }
}

/// Two server instances on one database, each with its own pool and
/// worker, deliver a queue of 300 mails: every mail reaches the SMTP
/// server exactly once, with its own Message-ID, and is recorded sent.
async fn two_instances_deliver_each_mail_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let smtp = FakeSmtp::start(0, &[]).await;
    let mut queued = HashSet::new();
    for i in 0..300 {
        let id = enqueue(&app, &format!("u{i}@exemple.fr"), &format!("Mail {i}")).await;
        queued.insert(id);
    }
    // The second instance: another pool on the same database, as a second
    // process would have.
    let other =
        server::startup::build_state((*app.state.config).clone(), Arc::new(app.clock.clone()))
            .await
            .expect("a second instance connects");
    let workers: Vec<_> = [(app.state.clone(), "instance-a"), (other, "instance-b")]
        .into_iter()
        .map(|(state, owner)| {
            let transport = smtp_transport(&app, &smtp.url());
            tokio::spawn(async move {
                let mut sent = 0;
                loop {
                    let report = deliver_due(&state, &transport, owner).await;
                    if report.total() == 0 {
                        return sent;
                    }
                    sent += report.sent;
                }
            })
        })
        .collect();
    let mut sent_by = Vec::new();
    for worker in workers {
        sent_by.push(worker.await.unwrap());
    }
    assert_eq!(sent_by.iter().sum::<usize>(), 300, "{sent_by:?}");
    let received = smtp.received();
    assert_eq!(received.len(), 300, "each mail reached the server once");
    let message_ids: HashSet<String> = received
        .iter()
        .map(|r| r.header("Message-ID").expect("a Message-ID"))
        .collect();
    assert_eq!(message_ids.len(), 300, "no mail was sent twice");
    for id in queued {
        let r = row(&app, id).await;
        assert_eq!((r.status.as_str(), r.attempts), ("sent", 1));
        assert!(message_ids.contains(&r.message_id));
    }
}

async fn a_permanent_smtp_refusal_fails_the_mail_at_once_with_the_error(backend: Backend) {
    let app = TestApp::new(backend).await;
    let smtp = FakeSmtp::start(0, &["nobody@exemple.fr"]).await;
    let transport = smtp_transport(&app, &smtp.url());
    let refused = enqueue(&app, "nobody@exemple.fr", "Bonjour").await;
    let fine = enqueue(&app, "bob@exemple.fr", "Bonjour").await;

    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(1, 0, 1)
    );
    let r = row(&app, refused).await;
    assert_eq!((r.status.as_str(), r.attempts), ("failed", 1));
    let error = r.last_error.expect("error recorded");
    assert!(
        error.contains("550") && error.contains("mailbox unavailable"),
        "{error}"
    );
    assert_eq!(row(&app, fine).await.status, "sent");

    app.clock.advance(24 * HOUR);
    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(0, 0, 0)
    );
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].rcpt_to, ["bob@exemple.fr"]);
}

async fn without_smtp_mails_count_as_sent_and_platform_admins_read_them_in_the_mailbox(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let transport = Transport::from_config(&app.state.config).unwrap();
    assert!(matches!(transport, Transport::DevMailbox));
    let admin = app.platform_admin("ada@exemple.fr").await;
    let member = app.user_with_roles("bob@exemple.fr", &[]).await;
    let first = enqueue(&app, "carol@exemple.fr", "Premier").await;
    app.clock.advance(SECOND);
    let second = enqueue(&app, "dan@exemple.fr", "Second").await;

    assert_eq!(
        deliver_due(&app.state, &transport, "w1").await,
        report(2, 0, 0)
    );
    let mails = mail::mailbox::latest(&app.state, &admin).await.unwrap();
    assert_eq!(
        mails.iter().map(|m| m.id).collect::<Vec<_>>(),
        [second, first],
        "newest first"
    );
    assert_eq!(mails[0].status, "sent");
    assert_eq!(mails[0].recipient, "dan@exemple.fr");
    assert!(mails[0].body_html.contains("<p>Second</p>"));
    assert!(matches!(
        mail::mailbox::latest(&app.state, &member).await,
        Err(AppError::Forbidden)
    ));
}

async fn an_invitation_reports_the_delivery_of_its_newest_mail(backend: Backend) {
    let app = TestApp::new(backend).await;
    let now = app.clock.now();
    let mut conn = app.conn().await;
    let invitation: InvitationId = sqlx::query_scalar(
        "INSERT INTO invitations (email, status, created_at, last_sent_at, expires_at) \
         VALUES ('bob@exemple.fr', 'pending', $1, $1, $2) RETURNING id",
    )
    .bind(now)
    .bind(now + 7 * 24 * HOUR)
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    assert_eq!(
        outbox::delivery_of_invitation(&mut conn, invitation)
            .await
            .unwrap(),
        None
    );
    let domain = mail::message_id_domain(&app.state.config);
    let new_mail = |subject: &str| NewMail {
        kind: "invitation",
        recipient: "bob@exemple.fr".into(),
        subject: subject.into(),
        body_text: "x".into(),
        body_html: "<p>x</p>".into(),
        invitation_id: Some(invitation),
        user_id: None,
    };
    let first = outbox::enqueue(&mut conn, &new_mail("Invitation"), &domain, now)
        .await
        .unwrap();
    let claimed = outbox::claim_due(&mut conn, "w1", now, LEASE, 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    outbox::mark_attempt_failed(&mut conn, first, "w1", "550 no such user", None)
        .await
        .unwrap();
    assert_eq!(
        outbox::delivery_of_invitation(&mut conn, invitation)
            .await
            .unwrap(),
        Some(("failed".into(), Some("550 no such user".into())))
    );
    outbox::enqueue(&mut conn, &new_mail("Rappel"), &domain, now)
        .await
        .unwrap();
    assert_eq!(
        outbox::delivery_of_invitation(&mut conn, invitation)
            .await
            .unwrap(),
        Some(("queued".into(), None))
    );
    let mine = outbox::for_recipient(&mut conn, "bob@exemple.fr")
        .await
        .unwrap();
    assert_eq!(
        mine.iter().map(|m| m.subject.as_str()).collect::<Vec<_>>(),
        ["Invitation", "Rappel"]
    );
    assert_ne!(mine[0].message_id, mine[1].message_id);
}

/// The page and its endpoint through the router, signed in by cookie.
/// Backend-independent: SQLite only.
#[tokio::test]
async fn the_mailbox_page_shows_each_mail_in_a_sandboxed_frame_to_platform_admins_only() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode, header};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let member = app.user_with_roles("bob@exemple.fr", &[]).await;
    let mut conn = app.conn().await;
    let domain = mail::message_id_domain(&app.state.config);
    outbox::enqueue(
        &mut conn,
        &NewMail {
            kind: "test",
            recipient: "carol@exemple.fr".into(),
            subject: "Ada vous invite sur Onboard".into(),
            body_text: "Ouvrez https://onboard.test/invitation?token=abc".into(),
            body_html: "<html><head></head><body><a href=\"https://onboard.test/invitation?token=abc&amp;x=1\">Accepter</a></body></html>".into(),
            invitation_id: None,
            user_id: None,
        },
        &domain,
        app.clock.now(),
    )
    .await
    .unwrap();
    let session = async |user_id: UserId| {
        let mut conn = app.conn().await;
        let token = app::server::services::auth::open_session(&app.state, &mut conn, user_id)
            .await
            .unwrap();
        format!("onboard_session={token}; onboard_lang=en")
    };
    let admin_cookie = session(admin.user.id).await;
    let member_cookie = session(member.user.id).await;
    drop(conn);
    let router = server::startup::router(app.state.clone(), server::startup::leptos_options());

    let response = router
        .clone()
        .oneshot(
            Request::get("/dev/mailbox")
                .header(header::COOKIE, &admin_cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = String::from_utf8(
        response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec(),
    )
    .unwrap();
    assert!(page.contains("Development mailbox"), "{page}");
    assert!(page.contains("carol@exemple.fr"));
    assert!(page.contains("title=\"Mail to carol@exemple.fr — Ada vous invite sur Onboard\""));
    assert!(page.contains(
        "sandbox=\"allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation\""
    ));
    // The mail's HTML sits escaped inside `srcdoc`, links opening on top.
    assert!(
        page.contains("srcdoc=\"&lt;html&gt;&lt;head&gt;&lt;base target=&quot;_top&quot;&gt;"),
        "{page}"
    );
    assert!(!page.contains("<a href=\"https://onboard.test/invitation"));

    for (cookie, status) in [
        (admin_cookie.as_str(), StatusCode::OK),
        (member_cookie.as_str(), StatusCode::FORBIDDEN),
    ] {
        let response = router
            .clone()
            .oneshot(
                Request::post("/api/dev/mailbox")
                    .header(header::HOST, "127.0.0.1:3000")
                    .header(header::ORIGIN, "http://127.0.0.1:3000")
                    .header(header::COOKIE, cookie)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), status);
    }
}

on_both_backends!(
    queued_mails_are_delivered_once_through_smtp_with_their_stored_message_id,
    with_the_smtp_server_down_nothing_is_lost_and_the_mail_goes_out_once_after_the_backoff,
    a_mail_that_never_gets_through_is_given_up_after_eight_attempts,
    a_worker_that_dies_mid_delivery_is_relieved_after_its_lease_and_not_before,
    owners_claiming_concurrently_never_get_the_same_row,
    a_permanent_smtp_refusal_fails_the_mail_at_once_with_the_error,
    without_smtp_mails_count_as_sent_and_platform_admins_read_them_in_the_mailbox,
    an_invitation_reports_the_delivery_of_its_newest_mail,
    two_instances_deliver_each_mail_once,
);
