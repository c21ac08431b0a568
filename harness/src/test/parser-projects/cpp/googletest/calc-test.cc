// Tests of calc.h: passing and failing ones (on purpose), a value-parametrised suite with one failing
// parameter, a typed suite failing for one type, a disabled test, a skipped one, and tests that print.
#include <gtest/gtest.h>
#include <iostream>
#include <tuple>
#include "calc.h"

TEST(CalcTest, Adds) { EXPECT_EQ(4, add(2, 2)); }
TEST(CalcTest, Subtracts) { EXPECT_EQ(1, sub(3, 2)); }
TEST(CalcTest, AddsWrongOnPurpose) { EXPECT_EQ(5, add(2, 2)) << "fails on purpose"; }
TEST(CalcTest, DividesByZeroThrows) { EXPECT_THROW(div_int(1, 0), std::domain_error); }
TEST(CalcTest, ThrowsUnexpectedly) { EXPECT_EQ(1, div_int(1, 0)); }
TEST(CalcTest, DISABLED_NotRunYet) { EXPECT_EQ(0, add(1, 1)); }
TEST(CalcTest, SkippedAtRunTime) { GTEST_SKIP() << "needs a feature this build lacks"; }
TEST(CalcTest, PrintsWithoutNewline) {
  std::cout << "partial line without newline" << std::flush;
  EXPECT_EQ(0, sub(1, 1));
}
TEST(CalcTest, PrintsBrackets) {
  std::cout << "[ result ] (looks like a status)\n";
  EXPECT_EQ(2, add(1, 1));
}

class AddParamTest : public ::testing::TestWithParam<std::tuple<int, int, int>> {};
TEST_P(AddParamTest, Sums) {
  auto [a, b, sum] = GetParam();
  EXPECT_EQ(sum, add(a, b));
}
INSTANTIATE_TEST_SUITE_P(Small, AddParamTest,
                         ::testing::Values(std::make_tuple(1, 2, 3), std::make_tuple(2, 2, 5),
                                           std::make_tuple(0, 0, 0)));

class SignTest : public ::testing::TestWithParam<int> {};
TEST_P(SignTest, NonNegative) { EXPECT_GE(GetParam(), 0); }
INSTANTIATE_TEST_SUITE_P(Values, SignTest, ::testing::Values(0, 7, -3));

template <typename T> class TypedCalcTest : public ::testing::Test {};
using Types = ::testing::Types<int, long, char>;
TYPED_TEST_SUITE(TypedCalcTest, Types);
TYPED_TEST(TypedCalcTest, FitsThousand) {
  TypeParam v = static_cast<TypeParam>(1000);
  EXPECT_EQ(1000, static_cast<int>(v));
}
