require_relative '../lib/calc'

RSpec.describe Calc do
  it 'adds two numbers' do
    expect(Calc.add(2, 3)).to eq(5)
  end

  it 'adds wrong on purpose' do
    puts 'output printed by a failing example'
    expect(Calc.add(2, 2)).to eq(5)
  end

  describe '.div' do
    context 'with zero' do
      it 'raises' do
        expect { Calc.div(1, 0) }.to raise_error(ZeroDivisionError)
      end

      it 'errors outside an expectation' do
        Calc.div(1, 0)
      end
    end

    it 'divides' do
      expect(Calc.div(6, 3)).to eq(2)
    end

    it 'is pending', skip: 'not on this platform' do
      expect(1).to eq(1)
    end

    it 'is pending without a body'

    pending 'fails as expected' do
      expect(1).to eq(2)
    end
  end

  [[1, 1, 2], [3, 3, 7]].each do |a, b, want|
    it "add(#{a}, #{b}) = #{want}" do
      expect(Calc.add(a, b)).to eq(want)
    end
  end
end
