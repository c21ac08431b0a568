# A tiny class whose RSpec, minitest and test-unit tests exercise every outcome they report.
module Calc
  def self.add(a, b) = a + b

  def self.div(a, b)
    raise ZeroDivisionError, 'divide by zero' if b.zero?
    a / b
  end
end
