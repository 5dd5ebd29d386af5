import { Module } from '@nestjs/common';
import { AuthController } from 'src/modules/auth/auth.controller';
import { AuthService } from 'src/modules/auth/auth.service';
import { StaffWelcomeProcessor } from 'src/modules/auth/staff-welcome.processor';

@Module({
  controllers: [AuthController],
  providers: [AuthService, StaffWelcomeProcessor],
  exports: [AuthService],
})
export class AuthModule {}
