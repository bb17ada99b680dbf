//! SQL assembled from fixed fragments, for queries whose `WHERE` depends on
//! a filter: every value is bound as a `$n` parameter (sqlx's
//! `QueryBuilder<Any>` writes `?`, which PostgreSQL refuses), never
//! written into the text.

pub(super) enum Arg {
    Int(i64),
    Text(String),
}

/// SQL text with its arguments, numbered as they are added.
#[derive(Default)]
pub(super) struct Sql {
    pub(super) text: String,
    pub(super) args: Vec<Arg>,
}

impl Sql {
    pub(super) fn push(&mut self, fragment: &str) -> &mut Self {
        self.text.push_str(fragment);
        self
    }

    /// Appends the placeholder of a new argument.
    pub(super) fn bind(&mut self, arg: Arg) -> &mut Self {
        self.args.push(arg);
        let n = self.args.len();
        self.text.push('$');
        self.text.push_str(&n.to_string());
        self
    }

    /// Appends `$a, $b, …` for `ids` (at least one).
    pub(super) fn bind_list<T: Copy + Into<i64>>(&mut self, ids: &[T]) -> &mut Self {
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.bind(Arg::Int((*id).into()));
        }
        self
    }

    pub(super) fn query(self) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(self.text));
        for arg in self.args {
            query = match arg {
                Arg::Int(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
            };
        }
        query
    }

    pub(super) fn query_scalar(
        self,
    ) -> sqlx::query::QueryScalar<'static, sqlx::Any, i64, sqlx::any::AnyArguments> {
        let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(self.text));
        for arg in self.args {
            query = match arg {
                Arg::Int(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
            };
        }
        query
    }
}

/// `$from, $from+1, …` for an `IN (…)` list of `count` values.
pub(crate) fn placeholders(from: usize, count: usize) -> String {
    (from..from + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Values bound per `IN (…)` query: under SQLite's and PostgreSQL's
/// limits on bound parameters, and large enough that 100,000 lookups take
/// a few hundred queries.
pub(crate) const IN_CHUNK: usize = 500;

/// Rows per multi-row statement (written with `Placeholders`) whose rows
/// bind `params_per_row` values each: 500, as far as SQLite's limit of
/// 32,766 parameters allows.
pub(crate) fn rows_per_statement(params_per_row: usize) -> usize {
    const MAX_PARAMS: usize = 30_000;
    IN_CHUNK.min(MAX_PARAMS / params_per_row.max(1)).max(1)
}

/// The placeholders of a multi-row statement, in the form each database
/// binds fastest. SQLite finds a numbered parameter (`$n`) by a linear scan
/// of the statement's parameter names, and sqlx asks for the name of every
/// parameter, so binding `$n`s costs the square of their number (a large
/// import spent half its time there at 6,500 parameters a statement).
/// Anonymous `?`s have no name and bind by position: on SQLite every
/// placeholder is `?`, and the values must be bound in the order their
/// placeholders appear in the text (a value used twice is bound twice).
/// PostgreSQL gets `$1, $2, …`, in the same order.
pub(crate) struct Placeholders {
    anonymous: bool,
    count: usize,
}

impl Placeholders {
    pub(crate) fn new(conn: &super::Conn) -> Placeholders {
        Placeholders {
            anonymous: conn.backend_name() == "SQLite",
            count: 0,
        }
    }

    /// The next parameter's placeholder.
    pub(crate) fn next(&mut self) -> String {
        self.count += 1;
        if self.anonymous {
            "?".to_owned()
        } else {
            format!("${}", self.count)
        }
    }

    /// `template` with each `?` replaced by the next placeholder: a row
    /// mixing parameters and literals, e.g. `(?, 'pending', ?)`.
    pub(crate) fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        for (i, part) in template.split('?').enumerate() {
            if i > 0 {
                out.push_str(&self.next());
            }
            out.push_str(part);
        }
        out
    }

    /// `(p, p, …)`: one row of `width` parameters.
    pub(crate) fn row(&mut self, width: usize) -> String {
        let cells: Vec<String> = (0..width).map(|_| self.next()).collect();
        format!("({})", cells.join(", "))
    }

    /// `count` rows of `width` parameters, comma-separated.
    pub(crate) fn rows(&mut self, count: usize, width: usize) -> String {
        (0..count)
            .map(|_| self.row(width))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `p, p, …`: a list of `count` parameters (`IN (…)`).
    pub(crate) fn list(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| self.next())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::Placeholders;

    #[test]
    fn placeholders_are_anonymous_on_sqlite_and_numbered_on_postgresql() {
        let mut sqlite = Placeholders {
            anonymous: true,
            count: 0,
        };
        assert_eq!(sqlite.fill("(?, 'x', ?)"), "(?, 'x', ?)");
        let mut postgres = Placeholders {
            anonymous: false,
            count: 0,
        };
        assert_eq!(postgres.fill("(?, 'x', ?)"), "($1, 'x', $2)");
        assert_eq!(postgres.rows(2, 2), "($3, $4), ($5, $6)");
        assert_eq!(postgres.list(2), "$7, $8");
    }
}
