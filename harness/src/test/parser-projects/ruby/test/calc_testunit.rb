require 'test/unit'
require_relative '../lib/calc'

class CalcTestUnit < Test::Unit::TestCase
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

  def test_omitted
    omit 'not on this platform'
  end

  def test_pending
    pend 'not written yet'
  end

  test 'described with a string' do
    assert_equal 2, Calc.add(1, 1)
  end

  sub_test_case 'division' do
    test 'divides' do
      assert_equal 2, Calc.div(6, 3)
    end

    data('small' => [4, 2, 2], 'wrong' => [9, 3, 4])
    test 'data driven' do |(a, b, want)|
      assert_equal want, Calc.div(a, b)
    end
  end
end
