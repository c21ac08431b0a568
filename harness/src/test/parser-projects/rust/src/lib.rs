//! A tiny crate whose tests exercise every outcome `cargo test` reports.

/// Adds two numbers.
///
/// ```
/// assert_eq!(fixtures::add(2, 3), 5);
/// ```
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

/// Divides, panicking on zero.
///
/// ```
/// assert_eq!(fixtures::div(6, 3), 2);
/// ```
///
/// ```
/// assert_eq!(fixtures::div(1, 1), 2); // a failing doc test
/// ```
pub fn div(a: i32, b: i32) -> i32 {
    a / b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds() {
        assert_eq!(add(2, 3), 5);
    }

    #[test]
    fn adds_wrong() {
        println!("printed by a failing test");
        assert_eq!(add(2, 2), 5, "two and two");
    }

    #[test]
    #[ignore]
    fn slow_ignored() {}

    #[test]
    #[should_panic(expected = "divide by zero")]
    fn divides_by_zero() {
        div(1, 0);
    }

    #[test]
    fn panics_unexpectedly() {
        let v: Vec<i32> = Vec::new();
        let _ = v[3];
    }

    mod nested {
        #[test]
        fn deep_test_passes() {
            println!("output of a passing test");
            assert!(true);
        }
    }
}
