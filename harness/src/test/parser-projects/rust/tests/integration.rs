use fixtures::add;

#[test]
fn integration_adds() {
    assert_eq!(add(1, 1), 2);
}

#[test]
fn integration_fails() {
    eprintln!("to stderr");
    assert!(add(1, 1) == 3);
}
