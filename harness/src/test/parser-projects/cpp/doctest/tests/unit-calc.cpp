// Test cases with and without subcases, passing and failing on purpose, nested subcases, a subcase entered
// once per leaf (passing in one pass, failing in the other), failures that are no assertion (FAIL(), an
// exception), names with XML's special characters, and a test that prints to stdout inside the XML report.
#include <doctest/doctest.h>
#include <iostream>
#include <stdexcept>

static int add(int a, int b) { return a + b; }
static int div_int(int a, int b) {
    if (b == 0) throw std::domain_error("division by zero");
    return a / b;
}

TEST_CASE("adds without subcases") { CHECK(add(2, 2) == 4); }

TEST_CASE("fails without subcases") { CHECK(add(2, 2) == 5); }

TEST_CASE("calculator") {
    int base = 10;
    SUBCASE("adds") { CHECK(add(base, 1) == 11); }
    SUBCASE("subtracts wrong on purpose") { CHECK(add(base, -1) == 8); }
    SUBCASE("divides") {
        CHECK(div_int(base, 2) == 5);
        CHECK_THROWS_AS(div_int(base, 0), std::domain_error);
    }
}

TEST_CASE("nested") {
    SUBCASE("outer") {
        CHECK(add(1, 1) == 2);
        SUBCASE("inner passes") { CHECK(add(2, 3) == 5); }
        SUBCASE("inner fails") { CHECK(add(2, 3) == 6); }
    }
    SUBCASE("other outer") {
        SUBCASE("deep") {
            SUBCASE("deeper") { CHECK(add(0, 0) == 0); }
        }
    }
}

TEST_CASE("entered twice") {
    SUBCASE("parent") {
        SUBCASE("first leaf fails") { CHECK(add(1, 1) == 3); }
        SUBCASE("second leaf passes") { CHECK(add(1, 1) == 2); }
    }
}

TEST_CASE("failures that are no assertion") {
    SUBCASE("FAIL_CHECK message") { FAIL_CHECK("fails on purpose with a message"); }
    SUBCASE("throws") { CHECK(add(1, 1) == 2); throw std::runtime_error("thrown on purpose"); }
}

TEST_CASE("names with <xml> & \"quotes\"") {
    SUBCASE("a < b && b > c") { CHECK(add(1, 2) == 3); }
    SUBCASE("vector<int> == [1, 2]") { CHECK(add(1, 2) == 4); }
}

TEST_CASE("prints to stdout") {
    std::cout << "printed by the test, inside the XML report" << std::endl;
    SUBCASE("after printing") { CHECK(true); }
}

TEST_SUITE("suite") {
    TEST_CASE("calculator") {
        SUBCASE("adds") { CHECK(add(1, 1) == 2); }
    }
}

TEST_CASE("skipped" * doctest::skip()) {
    SUBCASE("never runs") { CHECK(false); }
}
