//! The import over HTTP: the multipart upload behind the origin check and
//! the session, its size limit, the downloads and the server functions,
//! each refused to whoever may not import into the group. SQLite only:
//! what is tested is the HTTP surface, the service tests cover both
//! databases.

mod support;

use app::domain::{GroupId, GroupRole};
use app::server::Backend;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use support::TestApp;
use tower::ServiceExt;

const SITE: &str = "http://127.0.0.1:3000";
const BOUNDARY: &str = "----onboardtestboundary";

async fn router(app: &TestApp) -> axum::Router {
    server::startup::router(app.state.clone(), server::startup::leptos_options())
}

/// Signs in over HTTP and returns the session cookie (`name=value`).
async fn session(router: &axum::Router, email: &str) -> String {
    let request = Request::post("/api/auth/login")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, SITE)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "input[identifier]={}&input[password]=correct+horse+battery",
            email.replace('@', "%40")
        )))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "sign-in of {email}");
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("onboard_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

fn multipart(group: GroupId, name: &str, content: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"group_id\"\r\n\r\n{group}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn upload(path: &str, origin: &str, cookie: Option<&str>, body: Vec<u8>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, origin)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path).header(header::HOST, "127.0.0.1:3000");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

fn location(response: &axum::response::Response) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn imports_count(app: &TestApp) -> i64 {
    let mut conn = app.conn().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM imports")
        .fetch_one(&mut *conn)
        .await
        .unwrap()
}

async fn text(response: axum::response::Response) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

const FILE: &[u8] =
    b"email;prenom;nom\n=HYPERLINK(\"http://evil\");Eve;Evil\nana@exemple.fr;Ana;Lopez\n";

#[tokio::test]
async fn an_upload_goes_through_the_origin_check_the_session_and_the_policy() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let (_, ventes, paris, support) = app.sample_tree().await;
    app.user_with_roles("ua@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
        .await;
    let router = router(&app).await;
    let admin = session(&router, "ada@exemple.fr").await;
    let user_admin = session(&router, "ua@exemple.fr").await;

    // Another site posting a file with the admin's cookie: refused unread.
    let response = router
        .clone()
        .oneshot(upload(
            "/imports/upload",
            "https://evil.example",
            Some(&admin),
            multipart(paris, "f.csv", FILE),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A multipart body anywhere else is a type no function reads.
    let response = router
        .clone()
        .oneshot(upload(
            "/api/invitations/invite",
            SITE,
            Some(&admin),
            multipart(paris, "f.csv", FILE),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // No session: to the sign-in page.
    let response = router
        .clone()
        .oneshot(upload(
            "/imports/upload",
            SITE,
            None,
            multipart(paris, "f.csv", FILE),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");
    // A user admin of Ventes: not into Support.
    let response = router
        .clone()
        .oneshot(upload(
            "/imports/upload",
            SITE,
            Some(&user_admin),
            multipart(support, "f.csv", FILE),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(imports_count(&app).await, 0);

    // Into Paris, below Ventes: the next step.
    let response = router
        .clone()
        .oneshot(upload(
            "/imports/upload",
            SITE,
            Some(&user_admin),
            multipart(paris, "f.csv", FILE),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let next = location(&response);
    assert!(
        next.starts_with(&format!("/groups/{paris}/users/import/"))
            && next.ends_with("?step=columns"),
        "{next}"
    );
    let id: i64 = next
        .trim_start_matches(&format!("/groups/{paris}/users/import/"))
        .trim_end_matches("?step=columns")
        .parse()
        .unwrap();

    // The errors file writes a formula-looking cell so that it stays text.
    let response = router
        .clone()
        .oneshot(get(&format!("/imports/{id}/errors.csv"), Some(&user_admin)))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let errors = text(response).await;
    assert!(
        errors.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{errors}"
    );
    assert!(
        !errors.contains("ana@exemple.fr"),
        "only the rows in error: {errors}"
    );
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_with_its_reason() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let router = router(&app).await;
    let admin = session(&router, "ada@exemple.fr").await;
    let big = vec![b'a'; app::server::spreadsheet::MAX_FILE_BYTES + 200_000];
    let response = router
        .clone()
        .oneshot(upload(
            &format!("/imports/upload?group_id={paris}"),
            SITE,
            Some(&admin),
            multipart(paris, "big.csv", &big),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        format!("/groups/{paris}/users/import?error=ErrImportTooLarge")
    );
    assert_eq!(imports_count(&app).await, 0);
}

#[tokio::test]
async fn downloads_and_steps_answer_only_to_who_may_import_into_the_group() {
    let app = TestApp::new(Backend::Sqlite).await;
    let ada = app.platform_admin("ada@exemple.fr").await;
    let (_, ventes, paris, support) = app.sample_tree().await;
    app.user_with_roles("ua@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
        .await;
    app.user_with_roles("learner@exemple.fr", &[(paris, GroupRole::Learner)])
        .await;
    let in_support =
        app::server::services::imports::upload(&app.state, &ada, support, "s.csv", FILE.to_vec())
            .await
            .unwrap();
    let router = router(&app).await;
    let admin = session(&router, "ada@exemple.fr").await;
    let user_admin = session(&router, "ua@exemple.fr").await;
    let learner = session(&router, "learner@exemple.fr").await;

    let status = |path: String, cookie: Option<String>| {
        let router = router.clone();
        async move {
            router
                .oneshot(get(&path, cookie.as_deref()))
                .await
                .unwrap()
                .status()
        }
    };
    for (path, who, expected) in [
        (
            "/imports/template.csv".to_owned(),
            Some(admin.clone()),
            StatusCode::OK,
        ),
        (
            "/imports/template.xlsx".to_owned(),
            Some(user_admin.clone()),
            StatusCode::OK,
        ),
        (
            "/imports/template.csv".to_owned(),
            Some(learner.clone()),
            StatusCode::FORBIDDEN,
        ),
        (
            "/imports/template.csv".to_owned(),
            None,
            StatusCode::SEE_OTHER,
        ),
        (
            format!("/imports/{in_support}/report.csv"),
            Some(admin.clone()),
            StatusCode::OK,
        ),
        (
            format!("/imports/{in_support}/report.xlsx"),
            Some(admin.clone()),
            StatusCode::OK,
        ),
        (
            format!("/imports/{in_support}/report.csv"),
            Some(user_admin.clone()),
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/imports/{in_support}/errors.csv"),
            Some(learner.clone()),
            StatusCode::NOT_FOUND,
        ),
    ] {
        assert_eq!(
            status(path.clone(), who.clone()).await,
            expected,
            "{path} as {who:?}"
        );
    }

    // The steps' server functions: the same rule.
    let post = |path: &str, cookie: &str, body: String| {
        Request::post(path)
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::ORIGIN, SITE)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(body))
            .unwrap()
    };
    for (path, body) in [
        ("/api/imports/page", format!("input[id]={in_support}")),
        (
            "/api/imports/columns",
            format!("input[id]={in_support}&input[columns][0]=email"),
        ),
        (
            "/api/imports/edit-row",
            format!("input[id]={in_support}&input[row]=0&input[cells][0]=x%40y.fr"),
        ),
        (
            "/api/imports/run",
            format!(
                "input[id]={in_support}&input[mode]=invite&input[language]=fr&input[account_type]=member&input[roles][learner]=on"
            ),
        ),
    ] {
        let response = router
            .clone()
            .oneshot(post(path, &user_admin, body.clone()))
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "{path} by a user admin of Ventes"
        );
    }
    let response = router
        .clone()
        .oneshot(post(
            "/api/imports/history",
            &learner,
            format!("group_id={paris}"),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A user admin may not hand out a role above theirs through the defaults.
    let mine = app::server::services::imports::upload(
        &app.state,
        &app.current(
            app.user_with_roles("ua2@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
                .await
                .user
                .id,
        )
        .await,
        paris,
        "p.csv",
        FILE.to_vec(),
    )
    .await
    .unwrap();
    let response = router
        .clone()
        .oneshot(post(
            "/api/imports/run",
            &user_admin,
            format!("input[id]={mine}&input[mode]=invite&input[language]=fr&input[account_type]=member&input[roles][group_admin]=on"),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(imports_count(&app).await, 2);
}
