<?php
declare(strict_types=1);

namespace Fixtures\Tests;

use Fixtures\Calculator;
use PHPUnit\Framework\TestCase;

final class CalculatorTest extends TestCase
{
    public function testAddsTwoNumbers(): void
    {
        $this->assertSame(5, (new Calculator())->add(2, 3));
    }

    public function testAddsWrongOnPurpose(): void
    {
        echo "output printed by a failing test\n";
        $this->assertSame(5, (new Calculator())->add(2, 2));
    }

    public function testDividesByZeroErrors(): void
    {
        (new Calculator())->div(1, 0);
    }

    public function testSkipped(): void
    {
        $this->markTestSkipped('not on this platform');
    }

    public function testIncomplete(): void
    {
        $this->markTestIncomplete('not written yet');
    }

    /** @dataProvider sums */
    public function testSums(int $a, int $b, int $want): void
    {
        $this->assertSame($want, (new Calculator())->add($a, $b));
    }

    public static function sums(): array
    {
        return [
            'small numbers' => [1, 2, 3],
            'wrong sum' => [1, 1, 3],
        ];
    }

    /** @dataProvider pairs */
    public function testPairs(int $a, int $b): void
    {
        $this->assertSame($a + $b, (new Calculator())->add($b, $a));
    }

    public static function pairs(): array
    {
        return [[1, 2], [3, 4]];
    }
}
