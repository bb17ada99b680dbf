//! Pages of a list: how many a list fills and where each one starts. The
//! server cuts its queries with these, the browser draws its pager with
//! them, so the two agree on the last page.

/// The pages `total` items fill at `per_page` a page: at least one, since
/// an empty list still shows its (empty) first page.
pub fn last_page(total: i64, per_page: i64) -> i64 {
    let (total, per_page) = (total.max(0), per_page.max(1));
    (total / per_page + i64::from(total % per_page != 0)).max(1)
}

/// `page` brought between the first and the last page: a page past the end
/// shows the last one, and page 0 or less the first.
pub fn clamp(page: i64, total: i64, per_page: i64) -> i64 {
    page.clamp(1, last_page(total, per_page))
}

/// How many items come before `page` (from 1).
pub fn offset(page: i64, per_page: i64) -> i64 {
    (page.max(1) - 1).saturating_mul(per_page.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_fills_whole_pages_and_a_partial_last_one() {
        assert_eq!(last_page(0, 50), 1);
        assert_eq!(last_page(1, 50), 1);
        assert_eq!(last_page(50, 50), 1);
        assert_eq!(last_page(51, 50), 2);
        assert_eq!(last_page(120, 50), 3);
        assert_eq!(last_page(i64::MAX, 50), i64::MAX / 50 + 1);
        // Nonsense never divides by zero nor gives no page.
        assert_eq!(last_page(-5, 50), 1);
        assert_eq!(last_page(7, 0), 7);
    }

    #[test]
    fn a_page_out_of_range_is_brought_back_into_it() {
        assert_eq!(clamp(2, 120, 50), 2);
        assert_eq!(clamp(9, 120, 50), 3);
        assert_eq!(clamp(0, 120, 50), 1);
        assert_eq!(clamp(-3, 120, 50), 1);
        assert_eq!(clamp(4, 0, 50), 1);
    }

    #[test]
    fn a_page_starts_after_the_pages_before_it() {
        assert_eq!(offset(1, 50), 0);
        assert_eq!(offset(3, 50), 100);
        assert_eq!(offset(0, 50), 0);
        assert_eq!(offset(i64::MAX, 50), i64::MAX);
    }
}
