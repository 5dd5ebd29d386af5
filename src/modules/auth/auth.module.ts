import { Module } from '@nestjs/common';
import { AuthController } from 'src/modules/auth/auth.controller';
import { AuthService } from 'src/modules/auth/auth.service';
import { LoginThrottle } from 'src/modules/auth/login-throttle';
import { StaffWelcomeProcessor } from 'src/modules/auth/staff-welcome.processor';

@Module({
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, StaffWelcomeProcessor],
  exports: [AuthService],
})
export class AuthModule {}
