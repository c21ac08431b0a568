<?php
declare(strict_types=1);

namespace Fixtures\Tests;

use PHPUnit\Framework\TestCase;

final class StringsTest extends TestCase
{
    public function testUpper(): void
    {
        $this->assertSame('PHP', strtoupper('php'));
    }

    public function test_snake_case_name(): void
    {
        $this->assertTrue(true);
    }
}
