//! The login name (identifiant) of an account without an e-mail address.

/// Why a login name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginNameError {
    Length,
    Characters,
}

/// 3 to 64 of `a-z 0-9 . _ -`, lower-cased. No `@`: a login name can never
/// be mistaken for an address at the sign-in form, which takes either.
pub fn parse_login_name(raw: &str) -> Result<String, LoginNameError> {
    let name = raw.trim().to_lowercase();
    if !(3..=64).contains(&name.chars().count()) {
        return Err(LoginNameError::Length);
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
    {
        return Err(LoginNameError::Characters);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_names_are_lower_case_and_plain() {
        assert_eq!(parse_login_name(" Jean.Dupont "), Ok("jean.dupont".into()));
        assert_eq!(parse_login_name("jd"), Err(LoginNameError::Length));
        assert_eq!(parse_login_name("jean@x"), Err(LoginNameError::Characters));
        assert_eq!(
            parse_login_name("jean dupont"),
            Err(LoginNameError::Characters)
        );
        assert_eq!(parse_login_name("élève"), Err(LoginNameError::Characters));
    }
}
