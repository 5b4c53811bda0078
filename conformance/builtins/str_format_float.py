# str.format() with float specs.
print('{:08.3f}|{:>10.2f}|{:<8.1f}|{:^9.2f}|'.format(3.14159, 2.5, -1.25, 7.0))
print('{:+.2f} {: .2f} {:.1%}'.format(1.5, 1.5, 0.125))
print('{:,.2f} {:_.1f}'.format(1234567.891, 9876543.21))
