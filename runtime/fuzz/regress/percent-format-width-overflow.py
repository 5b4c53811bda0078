# %-formatting3g' %ÿÿÿÿÿÿÿ¿ÿÿÿÿÿ, v, v, v, {, v))
print('%912555555555555555555555555555zzzzzzzzlambdazzFalsezzzz<<=0f' % (0.5, 1.5, 2.5))
