require 'minitest/autorun'
require_relative '../lib/calc'

class CalcMinitest < Minitest::Test
  def test_adds
    assert_equal 5, Calc.add(2, 3)
  end

  def test_adds_wrong
    puts 'output printed by a failing test'
    assert_equal 5, Calc.add(2, 2)
  end

  def test_errors
    Calc.div(1, 0)
  end

  def test_skipped
    skip 'not on this platform'
  end

  # shoulda-style generated name, ending in ". " as shoulda-context's names do
  define_method('test_: calc context should add. ') { assert_equal 2, Calc.add(1, 1) }
end

class OtherMinitest < Minitest::Test
  def test_other_passes
    assert true
  end
end
