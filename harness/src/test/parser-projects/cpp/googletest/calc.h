#pragma once
#include <stdexcept>

inline int add(int a, int b) { return a + b; }
inline int sub(int a, int b) { return a - b; }
inline int div_int(int a, int b) {
  if (b == 0) throw std::domain_error("division by zero");
  return a / b;
}
