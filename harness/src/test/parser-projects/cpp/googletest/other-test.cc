// A second test binary, which ctest -R calc-test leaves out.
#include <gtest/gtest.h>
#include "calc.h"

TEST(OtherTest, Adds) { EXPECT_EQ(3, add(1, 2)); }
